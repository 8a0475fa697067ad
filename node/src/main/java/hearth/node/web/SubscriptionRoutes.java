package hearth.node.web;

import hearth.node.blocks.subscriptions.AppliedBlock;
import hearth.node.blocks.subscriptions.Policy;
import hearth.node.blocks.subscriptions.Review;
import hearth.node.blocks.subscriptions.Source;
import hearth.node.blocks.subscriptions.SubscriptionProblem;
import hearth.node.blocks.subscriptions.Subscriptions;
import hearth.node.moderation.Moderator;
import hearth.ui.Pages;
import hearth.ui.i18n.Messages;
import hearth.ui.i18n.Text;
import hearth.ui.view.Option;
import hearth.ui.view.SubscriptionsPage;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The blocklist subscriptions console, for node admins: lists and their trust, the policy,
 * "refresh now", and the review queue. Every POST checks the form token first; a refused or
 * mistaken form comes back with what she typed and why.
 */
final class SubscriptionRoutes {

    private static final String PAGE = "/mod/blocklists";
    private static final String TRUST_NUMBER = "moderation.subscriptions.problem.trustNumber";
    // Choices, each labelled with the key of its words.
    private static final List<Option> KINDS = List.of(new Option("hearth", "moderation.subscriptions.kind.hearth"),
            new Option("csv", "moderation.subscriptions.kind.csv"));
    private static final List<Option> THRESHOLDS = List.of(new Option("count", "moderation.subscriptions.threshold.count"),
            new Option("percent", "moderation.subscriptions.threshold.percent"));
    private static final List<Option> MERGES = List.of(new Option("max", "moderation.subscriptions.merge.max"),
            new Option("min", "moderation.subscriptions.merge.min"));
    private static final Map<String, String> DONE = Map.of("added", "moderation.subscriptions.done.added",
            "removed", "moderation.subscriptions.done.removed", "trust", "moderation.subscriptions.done.trust",
            "policy", "moderation.subscriptions.done.policy", "refresh", "moderation.subscriptions.done.refresh",
            "approved", "moderation.subscriptions.done.approved", "rejected", "moderation.subscriptions.done.rejected");

    private final Supplier<Subscriptions> subscriptions;
    private final ConsoleGate gate;
    private final Pages pages;
    private final Views views;

    SubscriptionRoutes(Supplier<Subscriptions> subscriptions, ConsoleGate gate, Pages pages, Views views) {
        this.subscriptions = subscriptions;
        this.gate = gate;
        this.pages = pages;
        this.views = views;
    }

    void register(Router router) {
        router.get(PAGE).handler(this::show);
        router.post(PAGE + "/sources").handler(ctx -> act(ctx, "added", (subs, m, form) ->
                subs.addSource(form.get("url"), form.get("kind"), number(form.get("trust"), TRUST_NUMBER))));
        router.post(PAGE + "/sources/:id/trust").handler(ctx -> act(ctx, "trust", (subs, m, form) ->
                subs.setTrust(ctx.pathParam("id"), number(form.get("trust"), TRUST_NUMBER))));
        router.post(PAGE + "/sources/:id/remove").handler(ctx -> act(ctx, "removed", (subs, m, form) ->
                subs.removeSource(ctx.pathParam("id"))));
        router.post(PAGE + "/policy").handler(ctx -> act(ctx, "policy", (subs, m, form) ->
                subs.setPolicy(Policy.of(form.get("threshold_kind"), number(form.get("threshold_value"),
                        "moderation.subscriptions.problem.thresholdNumber"), form.get("merge"),
                        (int) Math.min(Integer.MAX_VALUE, number(form.get("max_new"),
                                "moderation.subscriptions.problem.maxNewNumber"))))));
        router.post(PAGE + "/refresh").handler(ctx -> act(ctx, "refresh", (subs, m, form) -> subs.requestRefresh()));
        router.post(PAGE + "/reviews/:id/approve").handler(ctx -> act(ctx, "approved", (subs, m, form) ->
                subs.approve(ctx.pathParam("id"), m.id())));
        router.post(PAGE + "/reviews/:id/reject").handler(ctx -> act(ctx, "rejected", (subs, m, form) ->
                subs.reject(ctx.pathParam("id"), m.id())));
    }

    /** One change made from a form. */
    @FunctionalInterface
    private interface Action {
        void run(Subscriptions subs, Moderator m, MultiMap form);
    }

    private void show(RoutingContext ctx) {
        gate.requireAdmin(ctx);
        String done = DONE.get(String.valueOf(ctx.request().getParam("done")));
        render(ctx, 200, MultiMap.caseInsensitiveMultiMap(), List.of(),
                done == null ? List.of() : List.of(Text.of(done)));
    }

    private void act(RoutingContext ctx, String done, Action action) {
        Moderator m = gate.requireAdmin(ctx);
        MultiMap form = ctx.request().formAttributes();
        if (!gate.csrfAccepted(ctx)) {
            render(ctx, 403, form, List.of(ForumRoutes.EXPIRED_FORM), List.of());
            return;
        }
        try {
            action.run(subscriptions.get(), m, form);
        } catch (SubscriptionProblem problem) {
            render(ctx, 400, form, List.of(problem.text()), List.of());
            return;
        }
        Html.seeOther(ctx, PAGE + "?done=" + done);
    }

    /** The page, with the add and policy forms holding {@code typed} where she typed into them. */
    private void render(RoutingContext ctx, int status, MultiMap typed, List<Text> errors, List<Text> notices) {
        Messages t = views.t(ctx);
        Subscriptions subs = subscriptions.get();
        List<Source> sources = subs.sources();
        Map<String, String> labels = new HashMap<>();
        sources.forEach(s -> labels.put(s.id(), s.label()));
        Policy policy = subs.policy();
        boolean policyTyped = typed.contains("threshold_kind");
        var policyForm = new SubscriptionsPage.PolicyForm(PAGE + "/policy",
                policyTyped ? typed.get("threshold_kind") : policy.thresholdKind(),
                policyTyped ? text(typed.get("threshold_value")) : plain(policy.thresholdValue()),
                policyTyped ? text(typed.get("merge")) : policy.merge().name().toLowerCase(Locale.ROOT),
                policyTyped ? text(typed.get("max_new")) : Integer.toString(policy.maxNewBlocks()), said(t, THRESHOLDS),
                said(t, MERGES));
        boolean addTyped = typed.contains("url");
        var add = new SubscriptionsPage.AddForm(PAGE + "/sources", addTyped ? text(typed.get("url")) : "",
                addTyped ? text(typed.get("kind")) : "hearth", addTyped ? text(typed.get("trust")) : "1", said(t, KINDS));
        Html.send(ctx, status, pages.render("mod/subscriptions.jte", new SubscriptionsPage(views.chrome(ctx),
                gate.csrf(ctx), sources.stream().map(s -> source(ctx, s)).toList(), add, policyForm,
                subs.applied().stream().map(a -> applied(ctx, a, labels)).toList(),
                subs.pending().stream().map(r -> held(ctx, r, labels)).toList(), views.say(ctx, errors),
                views.say(ctx, notices))));
    }

    private static List<Option> said(Messages t, List<Option> options) {
        return options.stream().map(o -> new Option(o.value(), t.get(o.label()))).toList();
    }

    private SubscriptionsPage.Source source(RoutingContext ctx, Source s) {
        String base = PAGE + "/sources/" + s.id();
        return new SubscriptionsPage.Source(s.url().toString(), s.kind().wire(), plain(s.trust()),
                s.lastFetchedAt() == null ? views.t(ctx).get("moderation.subscriptions.never")
                        : views.date(ctx, s.lastFetchedAt()),
                s.lastError() == null ? "" : s.lastError(),
                s.kind() == hearth.node.blocks.subscriptions.SourceKind.HEARTH && s.lastSequence() > 0
                        ? Long.toString(s.lastSequence()) : "",
                base + "/trust", base + "/remove");
    }

    private SubscriptionsPage.Applied applied(RoutingContext ctx, AppliedBlock a, Map<String, String> labels) {
        return new SubscriptionsPage.Applied(a.domain(), a.severity().wire(), names(ctx, a.sourceIds(), labels),
                views.date(ctx, a.since()), a.approved());
    }

    private SubscriptionsPage.Held held(RoutingContext ctx, Review r, Map<String, String> labels) {
        var b = r.proposed();
        String base = PAGE + "/reviews/" + r.id();
        return new SubscriptionsPage.Held(b.domain(), b.severity().wire(),
                BlockRoutes.flags(views.t(ctx), b.rejectMedia(), b.rejectReports()), b.publicComment(),
                names(ctx, r.sourceIds(), labels), r.reason(), views.date(ctx, r.createdAt()), base + "/approve",
                base + "/reject");
    }

    private String names(RoutingContext ctx, List<String> ids, Map<String, String> labels) {
        String removed = views.t(ctx).get("moderation.subscriptions.removedList");
        return ids.stream().map(id -> labels.getOrDefault(id, removed)).collect(Collectors.joining(", "));
    }

    /** @param problem the key of what she is told when it is not a number */
    private static double number(String text, String problem) {
        try {
            double n = Double.parseDouble(text == null ? "" : text.strip().replace(',', '.'));
            if (Double.isFinite(n)) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new SubscriptionProblem(Text.of(problem));
    }

    private static String plain(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
