/**
 * View models: small immutable records holding exactly what a page shows, already
 * formatted (dates as text, URLs built). The node fills them; templates read them.
 *
 * <p>They must not know the node's domain, storage, HTTP or Vert.x.
 */
package hearth.ui.view;
