/**
 * Browser tests: real headless Chromium ({@link hearth.node.browser.Browsers}) against a real
 * node. The posting flows with and without JavaScript, WCAG checks with axe-core on every page in
 * both colour schemes, reflow and keyboard checks, and the screenshots the README shows.
 *
 * <p>Pages are reached through their own forms and found by element names and form actions,
 * never by wording, so the checks hold in every language. Nothing here knows the node's
 * internals beyond creating a moderator account in its store.
 */
package hearth.node.browser;
