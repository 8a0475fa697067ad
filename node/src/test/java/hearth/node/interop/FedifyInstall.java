package hearth.node.interop;

import hearth.node.NpmInstall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Puts the Fedify peer into {@code target/fedify/} of the node module (see {@link NpmInstall}):
 * its sources come from {@code src/test/fedify/}. The lock pins Fedify and the npm package
 * {@code node}, whose install script brings a Node 22 binary to {@code node_modules/.bin/node}
 * (Fedify needs Node 22; the machine's own node may be older). Thread-safe.
 */
public final class FedifyInstall {

    /** Bound on {@code npm ci}, which downloads Fedify and a Node binary on a fresh machine. */
    public static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Path NODE = Path.of("node_modules", ".bin", "node");
    private static final NpmInstall.Package PEER = new NpmInstall.Package("fedify",
            List.of("peer.mjs", "selfcheck.mjs", "package.json", "package-lock.json"), List.of(), NODE,
            INSTALL_TIMEOUT, "the Fedify interop tests");

    private FedifyInstall() {
    }

    /**
     * Makes sure the peer is installed and current, and returns its directory.
     *
     * @throws IllegalStateException if npm is missing or {@code npm ci} fails or overruns
     */
    public static Path ensureInstalled() {
        return NpmInstall.ensure(PEER);
    }

    /** The Node 22 binary that {@code npm ci} put into {@code dir}. */
    public static Path nodeBinary(Path dir) {
        return dir.resolve(NODE);
    }
}
