/**
 * The Hearth node: {@link hearth.node.Main} (the command line) starts a
 * {@link hearth.node.HearthNode}, which assembles configuration, storage, the forum and
 * the web server from the packages below it and the ui, search and federation libraries.
 */
package hearth.node;
