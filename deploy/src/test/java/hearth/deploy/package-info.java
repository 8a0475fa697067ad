/**
 * Tests that every file in {@code deploy/} (container, compose, systemd, reverse proxies, Tor, the
 * local federation script) agrees with the node it runs: its options, environment variables, default
 * port and address, data folder and health check, and that each file passes its own tool's check
 * where Debian packages that tool. These tests know the node only through its command line and its
 * configuration loader, never its internals.
 */
package hearth.deploy;
