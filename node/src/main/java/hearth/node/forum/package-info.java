/**
 * The local forum: circles, threads, replies, her own posts, and the rules for what
 * can be posted. It stores through {@link hearth.node.store.Database} and formats text
 * through the ui library's formatter.
 *
 * <p>It must not know HTTP, cookies or pages: the web layer hands it an author id and a
 * draft, and turns its {@link hearth.node.forum.ForumProblem}s into calm pages.
 */
package hearth.node.forum;
