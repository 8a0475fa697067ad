package hearth.node.web;

import hearth.node.forum.ForumProblem;
import hearth.node.moderation.ModerationProblem;
import hearth.node.store.DiskFull;
import hearth.ui.Pages;
import hearth.ui.view.ErrorPage;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where anything that went wrong becomes a calm page. No stack trace, and
 * nothing about the request (address, agent, path, form), is shown or logged.
 */
final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());
    /** Form fields that hold her words, with the key of each one's label, in the order a form shows them. */
    private static final List<Map.Entry<String, String>> KEPT_FIELDS = List.of(
            Map.entry("title", "forum.compose.title"),
            Map.entry("body", "forum.compose.body"),
            Map.entry("comment", "forum.report.comment"));

    private final Pages pages;
    private final Views views;

    Failures(Pages pages, Views views) {
        this.pages = pages;
        this.views = views;
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ConsoleGate.SignInNeeded) {
            Html.seeOther(ctx, "/mod/login");
        } else if (failure instanceof ModerationProblem.NotAllowed notAllowed) {
            page(ctx, 403, "moderation.error.notAllowed.heading", views.say(ctx, notAllowed.text()));
        } else if (failure instanceof ModerationProblem.Invalid invalid) {
            page(ctx, 400, "moderation.error.incomplete.heading", String.join(" ", views.say(ctx, invalid.problems())));
        } else if (DiskFull.isCause(failure)) {
            // Expected while the operator frees space: worth a line, never a stack trace per request.
            LOG.warning("a write was refused: the data folder's disk is full");
            retryLater(ctx);
            page(ctx, ForumRoutes.DISK_FULL_STATUS, "common.error.diskFull.heading",
                    views.t(ctx).get("common.error.diskFull.message"), kept(ctx));
        } else if (failure instanceof ForumProblem.NotFound) {
            notFound(ctx);
        } else if (failure instanceof ForumProblem.NotYours) {
            page(ctx, 403, "common.error.notYours.heading", views.t(ctx).get("common.error.notYours.message"));
        } else if (malformed(failure)) {
            page(ctx, 400, "common.error.request.heading", views.t(ctx).get("common.error.request.message"));
        } else if (failure == null && ctx.statusCode() == 404) {
            notFound(ctx);
        } else if (failure == null && ctx.statusCode() == 413) {
            page(ctx, 413, "common.error.tooLarge.heading", views.t(ctx).get("common.error.tooLarge.message"));
        } else if (failure == null && ctx.statusCode() == 405) {
            page(ctx, 405, "common.error.method.heading", views.t(ctx).get("common.error.method.message"));
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            page(ctx, ctx.statusCode(), "common.error.request.heading", views.t(ctx).get("common.error.request.message"));
        } else {
            // Only the exception, never the request: no address, agent, path or form text in the log.
            LOG.log(Level.SEVERE, "request failed", failure);
            page(ctx, 500, "common.error.server.heading", views.t(ctx).get("common.error.server.message"),
                    kept(ctx));
        }
    }

    /**
     * Her words from a form whose sending failed on our side (the database did not answer, the
     * disk is full), to show back to her: a post's title and body, a report's note.
     */
    private List<ErrorPage.KeptText> kept(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST) {
            return List.of();
        }
        List<ErrorPage.KeptText> kept = new ArrayList<>();
        for (var field : KEPT_FIELDS) {
            String words = ctx.request().getFormAttribute(field.getKey());
            if (words != null && !words.isBlank()) {
                kept.add(new ErrorPage.KeptText(field.getKey(), views.t(ctx).get(field.getValue()), words));
            }
        }
        return kept;
    }

    /**
     * A body the form decoder could not read (a broken percent escape): her request, not our
     * fault, so a calm 400 and nothing logged. Matched by name so the node needs no Netty import.
     */
    private static boolean malformed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith("DecoderException")) {
                return true;
            }
        }
        return false;
    }

    /** Tells browsers and proxies that a full disk is temporary. */
    static void retryLater(RoutingContext ctx) {
        ctx.response().putHeader("Retry-After", "120");
    }

    private void notFound(RoutingContext ctx) {
        page(ctx, 404, "common.error.notFound.heading", views.t(ctx).get("common.error.notFound.message"));
    }

    /** A calm page: the heading is a key, the message already in the reader's language. */
    private void page(RoutingContext ctx, int status, String headingKey, String message) {
        page(ctx, status, headingKey, message, List.of());
    }

    private void page(RoutingContext ctx, int status, String headingKey, String message,
                      List<ErrorPage.KeptText> kept) {
        Html.send(ctx, status, pages.error(new ErrorPage(views.chrome(ctx), status, views.t(ctx).get(headingKey),
                message, kept)));
    }
}
