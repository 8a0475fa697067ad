package hearth.node.web;

import hearth.node.forum.ForumProblem;
import hearth.node.moderation.ModerationProblem;
import hearth.ui.Pages;
import hearth.ui.view.ErrorPage;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where anything that went wrong becomes a calm page. No stack trace, and
 * nothing about the request (address, agent, path, form), is shown or logged.
 */
final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

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
            page(ctx, 403, "That is for other moderators", notAllowed.getMessage());
        } else if (failure instanceof ModerationProblem.Invalid invalid) {
            page(ctx, 400, "That form was not complete", String.join(" ", invalid.problems()));
        } else if (failure instanceof ForumProblem.NotFound) {
            notFound(ctx);
        } else if (failure instanceof ForumProblem.NotYours) {
            page(ctx, 403, "This isn't your post",
                    "This post was written from another browser, so it can't be changed from here. "
                            + "Only the browser that wrote a post can edit or delete it.");
        } else if (failure == null && ctx.statusCode() == 404) {
            notFound(ctx);
        } else if (failure == null && ctx.statusCode() == 413) {
            page(ctx, 413, "That was too much to receive at once",
                    "What you sent was larger than this site accepts. Please go back: your words should still be "
                            + "in the form, and you could split them into a post and a reply.");
        } else if (failure == null && ctx.statusCode() == 405) {
            page(ctx, 405, "That can't be done here", "This address can't be used that way.");
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            page(ctx, ctx.statusCode(), "That didn't work", "Something about that request wasn't right.");
        } else {
            // Only the exception, never the request: no address, agent, path or form text in the log.
            LOG.log(Level.SEVERE, "request failed", failure);
            page(ctx, 500, "Something went wrong on our side",
                    "Sorry. Please try again in a moment. If you were posting, go back: your words should still "
                            + "be in the form.");
        }
    }

    private void notFound(RoutingContext ctx) {
        page(ctx, 404, "We couldn't find that page",
                "It may have been deleted by its author, or the address may be mistyped.");
    }

    private void page(RoutingContext ctx, int status, String heading, String message) {
        Html.send(ctx, status, pages.error(new ErrorPage(views.chrome(ctx), status, heading, message)));
    }
}
