package hearth.node.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.blocklist.BlocklistFormatException;
import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Domains;
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
import hearth.ui.i18n.Messages;
import hearth.ui.i18n.Text;
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
    private static final Map<String, String> DONE = Map.of("saved", "moderation.blocks.done.saved",
            "lifted", "moderation.blocks.done.lifted", "actor", "moderation.blocks.done.actor",
            "actor-lifted", "moderation.blocks.done.actorLifted");
    // Severities, each labelled with the key of its words.
    private static final List<Option> SEVERITIES = List.of(new Option("suspend", "moderation.blocks.severity.suspend"),
            new Option("filter", "moderation.blocks.severity.filter"),
            new Option("silence", "moderation.blocks.severity.silence"),
            new Option("noop", "moderation.blocks.severity.noop"));

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
                f.keys().ed25519(ActorKeys.nodePath()).getPrivate(), Instant.now());
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
                done == null ? List.of() : List.of(Text.of(done)));
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
            render(ctx, 400, typed, BlocksPage.ActorForm.empty(), "", false, List.of(problemWith(typed)), List.of());
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
                    List.of(Text.of("moderation.blocks.problem.actor")), List.of());
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
                    List.of(Text.of("moderation.blocks.problem.import", bad.getMessage())), List.of());
            return;
        }
        render(ctx, 200, BlocksPage.DomainForm.empty(), BlocksPage.ActorForm.empty(), "", false, List.of(),
                List.of(Text.of("moderation.blocks.done.imported", result.read(), result.changed())));
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
                        String importText, boolean importShared, List<Text> errors, List<Text> notices) {
        Messages t = views.t(ctx);
        List<BlocksPage.DomainRow> domains = blocks.list().stream().map(e -> row(ctx, e)).toList();
        List<BlocksPage.ActorRow> actors = blocks.actors().stream()
                .map(a -> new BlocksPage.ActorRow(a.actor().toString(), a.severity().wire(), a.comments(),
                        views.date(ctx, a.createdAt())))
                .toList();
        List<Option> severities = SEVERITIES.stream().map(o -> new Option(o.value(), t.get(o.label()))).toList();
        Html.send(ctx, status, pages.render("mod/blocks.jte", new BlocksPage(views.chrome(ctx), gate.csrf(ctx), domains,
                actors, form, actorForm, importText, importShared, views.say(ctx, errors), views.say(ctx, notices),
                severities, blocks.allowlistMode(), new ArrayList<>(blocks.partners()))));
    }

    /** The flags of a block in the reader's words, comma-separated; empty when there are none. */
    static String flags(Messages t, boolean rejectMedia, boolean rejectReports) {
        List<String> flags = new ArrayList<>();
        if (rejectMedia) {
            flags.add(t.get("moderation.blocks.flag.rejectMedia"));
        }
        if (rejectReports) {
            flags.add(t.get("moderation.blocks.flag.rejectReports"));
        }
        return String.join(", ", flags);
    }

    private BlocksPage.DomainRow row(RoutingContext ctx, DomainEntry e) {
        DomainBlock b = e.block();
        return new BlocksPage.DomainRow(b.domain(), b.severity().wire(), flags(views.t(ctx), b.rejectMedia(),
                b.rejectReports()), b.publicComment(), b.privateComment(), e.shared(), b.obfuscate(),
                views.date(ctx, e.updatedAt()),
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

    /** Why the block she typed could not be made, checked in the order the form asks. */
    private static Text problemWith(BlocksPage.DomainForm typed) {
        try {
            Domains.normalize(typed.domain());
        } catch (IllegalArgumentException bad) {
            return typed.domain().isBlank() ? Text.of("moderation.blocks.problem.noDomain")
                    : Text.of("moderation.blocks.problem.domain", typed.domain().strip());
        }
        try {
            Severity.parse(typed.severity());
        } catch (IllegalArgumentException bad) {
            return Text.of("moderation.blocks.problem.severity");
        }
        if (typed.publicComment().strip().length() > DomainBlock.MAX_PUBLIC_COMMENT) {
            return Text.of("moderation.blocks.problem.comment", DomainBlock.MAX_PUBLIC_COMMENT);
        }
        return Text.of("moderation.blocks.problem.notSaved");
    }
}
