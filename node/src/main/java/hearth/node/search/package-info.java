/**
 * The search index as a projection of the store: the indexer follows the store's change
 * sequence (catching up at start, then applying each change as it is committed), and a
 * search result is always checked against the store so a removed post never shows.
 *
 * <p>It knows the forum and the search library; pages know it only through the web routes.
 */
package hearth.node.search;
