/**
 * Post text: the one place where what a member wrote becomes HTML a browser may see.
 *
 * <p>{@link hearth.ui.text.PostFormatter} turns the Markdown a member typed into
 * {@link hearth.ui.text.PostHtml}, which templates may write without escaping.
 * Nothing else in Hearth builds HTML from user text; a new formatting feature
 * belongs here, with a named test for every way it could be abused.
 *
 * <p>This package must not know Vert.x, JDBC, federation or search. It takes
 * strings and returns strings; the node decides where they are stored and sent.
 *
 * <p>Parameters and return values are never null unless a method says so.
 */
package hearth.ui.text;
