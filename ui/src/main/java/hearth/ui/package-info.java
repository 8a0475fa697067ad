/**
 * Hearth's pages, as a library: {@link hearth.ui.Pages} renders view models
 * ({@link hearth.ui.view}) through precompiled templates ({@code src/main/jte});
 * {@link hearth.ui.text} turns what she writes into safe HTML; static assets live under
 * {@code hearth/static/}.
 *
 * <p>It must not know Vert.x, JDBC, the protocol or the search index.
 */
package hearth.ui;
