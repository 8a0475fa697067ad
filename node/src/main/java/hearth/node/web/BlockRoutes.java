package hearth.node.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.blocklist.BlocklistFormatException;
import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Feed;
import hearth.federation.blocklist.FeedDocument;
import hearth.federation.blocklist.Severity;
import hearth.federation.json.Json;
import hearth.node.blocks.Blocks;
import hearth.node.blocks.DomainEntry;
import hearth.node.federation.ActorKeys;
import hearth.node.federation.Federation;
import hearth.node.federation.Urls;
import hearth.node.moderation.Moderator;
import hearth.ui.Pages;
import hearth.ui.view.BlocksPage;
import hearth.ui.view.Option;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Blocks: the console page where admins block and lift domains and actors and import or export
 * Mastodon CSV, and the node's published blocklist, signed ({@code /blocklist.json}, optionally
 * {@code ?since=N}) and as CSV ({@code /blocklist.csv}).
 */
final class BlockRoutes {

    private static final String PUBLISHED_CACHE = "public, max-age=300";
    private static final Map<String, String> DONE = Map.of("saved", "Saved. The block applies now.",
            "lifted", "Lifted.", "actor", "The actor is blocked.", "actor-lifted", "The actor block is lifted.");
    private static final List<Option> SEVERITIES = List.of(new Option("suspend", "suspend"),
            new Option("filter", "filter (hold for review)"), new Option("silence", "silence"),
            new Option("noop", "noop (a note only)"));

    private final Blocks blocks;
    private final Supplier<Federation> federation;
    private final ConsoleGate gate;
    private final Pages pages;
    private final Views views;

    BlockRoutes(Blocks blocks, Supplier<Federation> federation, ConsoleGate gate, Pages pages, Views views) {
        this.blocks = blocks;
        this.federation = federation;
        this.gate = gate;
        this.pages = pages;
        this.views = views;
    }

    void register(Router router) {
        router.get("/blocklist.json").handler(this::feed);
        router.get("/blocklist.csv").handler(this::sharedCsv);
        router.get("/mod/blocks").handler(this::page);
        router.post("/mod/blocks").handler(this::put);
        router.post("/mod/blocks/lift").handler(this::lift);
        router.post("/mod/blocks/actors").handler(this::putActor);
        router.post("/mod/blocks/actors/lift").handler(this::liftActor);
        router.post("/mod/blocks/import").handler(this::importCsv);
        router.get("/mod/blocks/export.csv").handler(this::exportCsv);
    }

    // ---- the published list

    private void feed(RoutingContext ctx) {
        Federation f = federation.get();
        if (f == null) {
            ctx.response().setStatusCode(503).putHeader("Retry-After", "5").end();
            return;
        }
        long since;
        try {
            String param = ctx.request().getParam("since");
            since = param == null ? 0 : Long.parseLong(param);
        } catch (NumberFormatException bad) {
            ObjectNode error = Json.object().put("error", "since is a feed sequence number");
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(Json.bytes(error)));
            return;
        }
        Urls urls = f.urls();
        Feed feed = blocks.feed(URI.create(urls.base() + "/blocklist.json"), urls.nodeActor()).since(since);
        ObjectNode signed = FeedDocument.sign(feed, Urls.proofKeyId(urls.nodeActor()),
                f.keys().of(ActorKeys.nodePath()).ed25519().getPrivate(), Instant.now());
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", PUBLISHED_CACHE)
                .putHeader("Access-Control-Allow-Origin", "*")
                .end(Buffer.buffer(Json.bytes(signed)));
    }

    private void sharedCsv(RoutingContext ctx) {
        StringWriter out = new StringWriter();
        blocks.sharedCsv(out);
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Cache-Control", PUBLISHED_CACHE)
                .putHeader("Access-Control-Allow-Origin", "*")
                .end(out.toString());
    }

    // ---- the console page

    private void page(RoutingContext ctx) {
        gate.requireAdmin(ctx);
        String edit = ctx.request().getParam("edit");
        BlocksPage.DomainForm form = edit == null ? BlocksPage.DomainForm.empty() : blocks.list().stream()
                .filter(e -> e.domain().equals(edit)).findFirst().map(BlockRoutes::formOf)
                .orElse(BlocksPage.DomainForm.empty());
        String done = DONE.get(String.valueOf(ctx.request().getParam("done")));
        render(ctx, 200, form, BlocksPage.ActorForm.empty(), "", false, List.of(),
                done == null ? List.of() : List.of(done));
    }

    private void put(RoutingContext ctx) {
        Moderator m = gate.requireAdmin(ctx);
        MultiMap f = ctx.request().formAttributes();
        BlocksPage.DomainForm typed = new BlocksPage.DomainForm(text(f, "domain"), text(f, "severity"),
                checked(f, "reject_media"), checked(f, "reject_reports"), text(f, "public_comment"),
                text(f, "private_comment"), checked(f, "obfuscate"), checked(f, "shared"));
        if (!gate.csrfAccepted(ctx)) {
            render(ctx, 403, typed, BlocksPage.ActorForm.empty(), "", false, List.of(ForumRoutes.EXPIRED_FORM), List.of());
            return;
        }
        DomainBlock block;
        try {
            block = new DomainBlock(typed.domain(), Severity.parse(typed.severity()), typed.rejectMedia(),
                    typed.rejectReports(), typed.publicComment().strip(), typed.privateComment().strip(), typed.obfuscate());
        } catch (IllegalArgumentException bad) {
            render(ctx, 400, typed, BlocksPage.ActorForm.empty(), "", false, List.of(sentence(bad.getMessage())), List.of());
            return;
        }
        blocks.put(block, typed.shared(), m.id());
        Html.seeOther(ctx, "/mod/blocks?done=saved");
    }

    private void lift(RoutingContext ctx) {
        Moderator m = gate.requireAdmin(ctx);
        if (!gate.csrfAccepted(ctx)) {
            refused(ctx);
            return;
        }
        try {
            blocks.lift(text(ctx.request().formAttributes(), "domain"), m.id(),
                    text(ctx.request().formAttributes(), "reason"));
        } catch (IllegalArgumentException bad) {
            ctx.next();
            return;
        }
        Html.seeOther(ctx, "/mod/blocks?done=lifted");
    }

    private void putActor(RoutingContext ctx) {
        Moderator m = gate.requireAdmin(ctx);
        MultiMap f = ctx.request().formAttributes();
        BlocksPage.ActorForm typed = new BlocksPage.ActorForm(text(f, "actor"), text(f, "severity"), text(f, "comments"));
        if (!gate.csrfAccepted(ctx)) {
            render(ctx, 403, BlocksPage.DomainForm.empty(), typed, "", false, List.of(ForumRoutes.EXPIRED_FORM), List.of());
            return;
        }
        try {
            blocks.putActor(URI.create(typed.actor().strip()), Severity.parse(typed.severity()), typed.comments(), m.id());
        } catch (IllegalArgumentException bad) {
            render(ctx, 400, BlocksPage.DomainForm.empty(), typed, "", false,
                    List.of("Please give the actor's full address, like https://example.social/users/name."), List.of());
            return;
        }
        Html.seeOther(ctx, "/mod/blocks?done=actor");
    }

    private void liftActor(RoutingContext ctx) {
        Moderator m = gate.requireAdmin(ctx);
        if (!gate.csrfAccepted(ctx)) {
            refused(ctx);
            return;
        }
        try {
            blocks.liftActor(URI.create(text(ctx.request().formAttributes(), "actor")), m.id(),
                    text(ctx.request().formAttributes(), "reason"));
        } catch (IllegalArgumentException bad) {
            ctx.next();
            return;
        }
        Html.seeOther(ctx, "/mod/blocks?done=actor-lifted");
    }

    private void importCsv(RoutingContext ctx) {
        Moderator m = gate.requireAdmin(ctx);
        String csv = text(ctx.request().formAttributes(), "csv");
        boolean shared = checked(ctx.request().formAttributes(), "shared");
        if (!gate.csrfAccepted(ctx)) {
            render(ctx, 403, BlocksPage.DomainForm.empty(), BlocksPage.ActorForm.empty(), csv, shared,
                    List.of(ForumRoutes.EXPIRED_FORM), List.of());
            return;
        }
        Blocks.ImportResult result;
        try {
            result = blocks.importCsv(new StringReader(csv), shared, m.id());
        } catch (BlocklistFormatException bad) {
            render(ctx, 400, BlocksPage.DomainForm.empty(), BlocksPage.ActorForm.empty(), csv, shared,
                    List.of("Nothing was imported: " + bad.getMessage()), List.of());
            return;
        }
        render(ctx, 200, BlocksPage.DomainForm.empty(), BlocksPage.ActorForm.empty(), "", false, List.of(),
                List.of("Imported " + result.read() + " entries; " + result.changed() + " changed a block."));
    }

    private void exportCsv(RoutingContext ctx) {
        gate.requireAdmin(ctx);
        StringWriter out = new StringWriter();
        blocks.exportCsv(out);
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"domain_blocks.csv\"")
                .putHeader("Cache-Control", "no-store")
                .end(out.toString());
    }

    // ---- helpers

    private void refused(RoutingContext ctx) {
        render(ctx, 403, BlocksPage.DomainForm.empty(), BlocksPage.ActorForm.empty(), "", false,
                List.of(ForumRoutes.EXPIRED_FORM), List.of());
    }

    private void render(RoutingContext ctx, int status, BlocksPage.DomainForm form, BlocksPage.ActorForm actorForm,
                        String importText, boolean importShared, List<String> errors, List<String> notices) {
        List<BlocksPage.DomainRow> domains = blocks.list().stream().map(this::row).toList();
        List<BlocksPage.ActorRow> actors = blocks.actors().stream()
                .map(a -> new BlocksPage.ActorRow(a.actor().toString(), a.severity().wire(), a.comments(),
                        views.date(a.createdAt())))
                .toList();
        Html.send(ctx, status, pages.render("mod/blocks.jte", new BlocksPage(views.chrome(ctx), gate.csrf(ctx), domains,
                actors, form, actorForm, importText, importShared, errors, notices, SEVERITIES,
                blocks.allowlistMode(), new ArrayList<>(blocks.partners()))));
    }

    private BlocksPage.DomainRow row(DomainEntry e) {
        DomainBlock b = e.block();
        List<String> flags = new ArrayList<>();
        if (b.rejectMedia()) {
            flags.add("reject media");
        }
        if (b.rejectReports()) {
            flags.add("reject reports");
        }
        return new BlocksPage.DomainRow(b.domain(), b.severity().wire(), String.join(", ", flags), b.publicComment(),
                b.privateComment(), e.shared(), b.obfuscate(), views.date(e.updatedAt()),
                "/mod/blocks?edit=" + java.net.URLEncoder.encode(b.domain(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static BlocksPage.DomainForm formOf(DomainEntry e) {
        DomainBlock b = e.block();
        return new BlocksPage.DomainForm(b.domain(), b.severity().wire(), b.rejectMedia(), b.rejectReports(),
                b.publicComment(), b.privateComment(), b.obfuscate(), e.shared());
    }

    private static String text(MultiMap form, String name) {
        String value = form.get(name);
        return value == null ? "" : value;
    }

    private static boolean checked(MultiMap form, String name) {
        return "true".equals(form.get(name)) || "on".equals(form.get(name));
    }

    private static String sentence(String message) {
        String text = message == null || message.isBlank() ? "That block could not be saved." : message.strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }
}
