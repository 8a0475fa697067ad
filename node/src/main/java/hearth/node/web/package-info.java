/**
 * HTTP: the web verticle, routes per feature ({@code *Routes}), the visitor's author
 * cookie, form tokens, security headers, and the one failure handler.
 *
 * <p>Handlers parse, call a service, and render; they never build SQL or protocol
 * activities. Nothing here logs or stores a client address or user agent.
 */
package hearth.node.web;
