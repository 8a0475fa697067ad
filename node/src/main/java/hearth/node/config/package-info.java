/**
 * A node's configuration file and data folder (database, node secret).
 */
package hearth.node.config;
