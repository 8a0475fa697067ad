/**
 * Atom documents, so that people who prefer a feed reader can follow a circle or a thread
 * without an account: a neutral model ({@link hearth.node.feeds.Feed}, {@link hearth.node.feeds.FeedEntry})
 * and the writer that turns it into Atom 1.0 (RFC 4287) with the ROME library.
 *
 * <p>It knows nothing of the forum, the database or HTTP: the web routes decide what a reader
 * who is not signed in may see and map it onto the model. Nothing here may carry an author key,
 * an author id or anything about a reader.
 */
package hearth.node.feeds;
