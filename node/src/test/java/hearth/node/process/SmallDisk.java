package hearth.node.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited tmpfs for a node's data folder, so a test can fill the node's disk without
 * touching anyone else's. As root (CI) the tmpfs is mounted on the folder itself; otherwise,
 * or when that mount is refused, the node is started inside its own user and mount namespace
 * ({@code unshare -Urm}) that mounts the tmpfs first, and the test reaches the folder through
 * {@code /proc/PID/root}. Either way no test is skipped: when neither works, it fails and says why.
 * Set {@code -Dhearth.smalldisk=namespace} to take the second way as root too.
 *
 * <pre>{@code
 * try (SmallDisk disk = SmallDisk.create(folder, 48 << 20);
 *      NodeProcess node = NodeProcess.start(folder, "full", port, List.of(), disk.prefix())) {
 *     Path seen = disk.seen(node);   // the node's data folder, as this JVM reaches it
 * }
 * }</pre>
 */
final class SmallDisk implements AutoCloseable {

    private final Path folder;
    private final long bytes;
    private final boolean mounted;

    private SmallDisk(Path folder, long bytes, boolean mounted) {
        this.folder = folder;
        this.bytes = bytes;
        this.mounted = mounted;
    }

    static SmallDisk create(Path folder, long bytes) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !"namespace".equals(System.getProperty("hearth.smalldisk"))
                && run(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700", "tmpfs",
                        folder.toString())) == 0) {
            return new SmallDisk(folder, bytes, true);
        }
        if (run(List.of("unshare", "-Urm", "true")) != 0) {
            throw new IllegalStateException("cannot make a small disk: not root (or mount refused) and "
                    + "unshare -Urm is not allowed here (user namespaces disabled?)");
        }
        return new SmallDisk(folder, bytes, false);
    }

    /** What to run in front of the node's java command. */
    List<String> prefix() {
        if (mounted) {
            return List.of();
        }
        return List.of("unshare", "-Urm", "sh", "-c",
                "mount -t tmpfs -o size=" + bytes + ",mode=0700 tmpfs \"$0\" && exec \"$@\"", folder.toString());
    }

    /** The node's data folder as this JVM reaches it. */
    Path seen(NodeProcess node) {
        return mounted ? folder : Path.of("/proc", Long.toString(node.pid()), "root").resolve(folder.toString()
                .substring(1));
    }

    String how() {
        return mounted ? "a tmpfs mounted by root" : "a tmpfs in the node's own user and mount namespace";
    }

    /**
     * Writes {@code name} in {@code dir} until the disk refuses more; returns its size. The
     * last megabyte is filled in small writes, so not even a page is left.
     */
    static long fill(Path dir, String name) throws IOException {
        Path filler = dir.resolve(name);
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] chunk = new byte[1 << 20];
            while (true) {
                try {
                    out.write(chunk);
                    written += chunk.length;
                } catch (IOException full) {
                    break;
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] page = new byte[512];
            for (int i = 0; i < 1 << 14; i++) {
                out.write(page);
                out.flush();
                written += page.length;
            }
        } catch (IOException full) {
            // no room left, as wanted
        }
        return written;
    }

    private static int run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        if (mounted) {
            run(List.of("umount", "-l", folder.toString()));
        }
    }
}
