package hearth.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks through files, as bytes, for what a node must never keep: a client's address or the
 * User-Agent of the browser or program she used. Used by the tests that prove a node stores and
 * logs neither ({@code PrivacyScanIT}, and {@code LeftoverScan} after the whole suite).
 *
 * <pre>{@code
 * List<String> found = LeakScan.find(dataFolder, LeakScan.needles(Map.of("address", "127.0.0.77")));
 * assertEquals(List.of(), found);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LeakScan {

    /** Loopback addresses other than the one nodes and fake servers listen on: only test clients use them. */
    public static final Pattern CLIENT_LOOPBACK =
            Pattern.compile("(?<![0-9.])127\\.(?!0\\.0\\.1(?![0-9]))[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}(?![0-9])");

    private LeakScan() {
    }

    /** One thing to look for: its name (for the report) and its bytes. */
    public record Needle(String name, byte[] bytes) {
    }

    /**
     * Each text as UTF-8 and as UTF-16 (both byte orders), so a string stored by a database or
     * an index in either form is found.
     */
    public static List<Needle> needles(Map<String, String> named) {
        List<Needle> out = new ArrayList<>();
        named.forEach((name, text) -> {
            out.add(new Needle(name, text.getBytes(StandardCharsets.UTF_8)));
            out.add(new Needle(name + " (UTF-16LE)", text.getBytes(StandardCharsets.UTF_16LE)));
            out.add(new Needle(name + " (UTF-16BE)", text.getBytes(StandardCharsets.UTF_16BE)));
        });
        return out;
    }

    /** Every file under {@code root} (or {@code root} itself) that holds a needle, as "file: needle" lines. */
    public static List<String> find(Path root, List<Needle> needles) {
        List<String> found = new ArrayList<>();
        for (Path file : files(root)) {
            byte[] bytes = read(file);
            for (Needle needle : needles) {
                if (indexOf(bytes, needle.bytes()) >= 0) {
                    found.add(file + ": " + needle.name());
                }
            }
        }
        return found;
    }

    /** Every file under {@code root} whose text (read as Latin-1, so any byte is a character) matches {@code pattern}. */
    public static List<String> findPattern(Path root, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (Path file : files(root)) {
            Matcher m = pattern.matcher(new String(read(file), StandardCharsets.ISO_8859_1));
            if (m.find()) {
                found.add(file + ": " + m.group());
            }
        }
        return found;
    }

    /**
     * Like {@link #findPattern}, for loopback client addresses ({@link #CLIENT_LOOPBACK}), but an
     * address followed by a port that the same file also names in a URL ({@code //127.0.0.5:39599})
     * is a server the node talks to (a fake peer listening there), not a client it kept.
     */
    public static List<String> findClientAddresses(Path root) {
        Pattern withPort = Pattern.compile(CLIENT_LOOPBACK.pattern() + "(?::([0-9]{1,5}))?");
        List<String> found = new ArrayList<>();
        for (Path file : files(root)) {
            String text = new String(read(file), StandardCharsets.ISO_8859_1);
            Matcher m = withPort.matcher(text);
            while (m.find()) {
                boolean server = m.group(1) != null && text.contains("//" + m.group());
                if (!server) {
                    found.add(file + ": " + m.group());
                    break;
                }
            }
        }
        return found;
    }

    /** The 4-byte form of an IPv4 address, as a database or a socket structure would hold it. */
    public static Needle binaryAddress(String name, String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return new Needle(name + " (4 bytes " + HexFormat.of().formatHex(bytes) + ")", bytes);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<Path> files(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            // A file a running test deletes meanwhile (a lock, a temporary) holds nothing any more.
            return new byte[0];
        }
    }
}
