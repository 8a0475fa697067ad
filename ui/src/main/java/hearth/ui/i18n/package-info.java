/**
 * Interface text in every language the node speaks: message bundles and the language a page is
 * shown in.
 *
 * <p>Every word a page shows that a member did not write comes from a bundle under
 * {@code src/main/resources/hearth/i18n}: one file per area of the product
 * ({@code forum.properties}, {@code safety.properties} …) in English, and a {@code _es} file
 * beside it with the same keys in Spanish. Keys start with their area's name.
 *
 * <p>Code that cannot know the reader (a service refusing a form) returns a
 * {@link hearth.ui.i18n.Text}, a key with its arguments, and the web layer says it in her
 * language.
 *
 * <p>This package must not know Vert.x, requests or cookies: the node decides which language
 * a reader gets and asks for its {@link hearth.ui.i18n.Messages}.
 */
package hearth.ui.i18n;
