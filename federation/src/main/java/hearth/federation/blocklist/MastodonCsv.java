package hearth.federation.blocklist;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Mastodon's domain-block CSV, so moderators can move lists between Hearth, Mastodon,
 * FediBlockHole and published lists such as IFTAS's.
 *
 * <pre>{@code
 * List<DomainBlock> blocks = MastodonCsv.read(reader);   // refuses the whole file on one bad line
 * MastodonCsv.write(blocks, writer);                     // what Mastodon's export writes
 * }</pre>
 *
 * <p>Reading accepts what these tools write: Mastodon's header
 * {@code #domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate}, its columns
 * in any order and with or without {@code #}, FediBlockHole's {@code #private_comment}, other
 * columns (ignored), or no header at all (then the columns are Mastodon's, in its order, so a
 * list of bare domains works, as it does in Mastodon). A missing or empty value takes Mastodon's
 * default: severity {@code suspend}, flags {@code false}, comments empty. A domain listed twice
 * keeps its first position and its last values.
 *
 * <p>Writing produces what Mastodon's Ruby CSV export produces: its header and column order,
 * {@code \n} line ends, {@code true}/{@code false}, quotes only around fields holding a comma, a
 * quote or a line break, and an empty comment as an empty field. The private comment is never
 * written. A {@code filter} block is written as {@code filter}, which Mastodon does not know.
 * Stateless and thread-safe.
 */
public final class MastodonCsv {

    /** Mastodon's export header, which {@link #write} writes. */
    public static final String HEADER = "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate";

    private static final List<String> MASTODON_COLUMNS =
            List.of("domain", "severity", "reject_media", "reject_reports", "public_comment", "obfuscate");
    private static final List<String> KNOWN_COLUMNS = List.of("domain", "severity", "reject_media",
            "reject_reports", "public_comment", "obfuscate", "private_comment");

    private MastodonCsv() {
    }

    /**
     * Reads a whole list. Any line Hearth cannot take whole (a bad domain, an unknown severity, a
     * flag that is not a boolean, broken quoting) refuses the file, naming the line and why: one
     * wrong entry among thousands must not pass silently.
     *
     * @throws UncheckedIOException if the reader fails
     */
    public static List<DomainBlock> read(Reader in) throws BlocklistFormatException {
        Objects.requireNonNull(in, "in");
        List<CsvRows.Row> rows = CsvRows.parse(readAll(in)).stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> columns;
        List<CsvRows.Row> data;
        if (isHeader(rows.getFirst())) {
            columns = columns(rows.getFirst());
            data = rows.subList(1, rows.size());
        } else {
            columns = new LinkedHashMap<>();
            for (int i = 0; i < MASTODON_COLUMNS.size(); i++) {
                columns.put(MASTODON_COLUMNS.get(i), i);
            }
            data = rows;
        }
        Map<String, DomainBlock> blocks = new LinkedHashMap<>();
        for (CsvRows.Row row : data) {
            DomainBlock block = block(row, columns);
            blocks.put(block.domain(), block);
        }
        return List.copyOf(blocks.values());
    }

    /**
     * Writes the blocks in the given order under Mastodon's header.
     *
     * @throws UncheckedIOException if the writer fails
     */
    public static void write(List<DomainBlock> blocks, Writer out) {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(out, "out");
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (DomainBlock b : blocks) {
            text.append(quote(b.domain())).append(',')
                    .append(b.severity().wire()).append(',')
                    .append(b.rejectMedia()).append(',')
                    .append(b.rejectReports()).append(',')
                    .append(quote(b.publicComment())).append(',')
                    .append(b.obfuscate()).append('\n');
        }
        try {
            out.write(text.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHeader(CsvRows.Row row) {
        return row.cells().stream().anyMatch(cell -> columnName(cell).equals("domain"));
    }

    private static Map<String, Integer> columns(CsvRows.Row header) throws BlocklistFormatException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = columnName(header.cells().get(i));
            if (KNOWN_COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
                throw new BlocklistFormatException(header.line(), "the column " + name + " appears twice");
            }
        }
        return columns;
    }

    private static String columnName(String cell) {
        String name = cell.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("#") ? name.substring(1).strip() : name;
    }

    private static DomainBlock block(CsvRows.Row row, Map<String, Integer> columns)
            throws BlocklistFormatException {
        String domain = value(row, columns, "domain").strip();
        if (domain.isEmpty()) {
            throw new BlocklistFormatException(row.line(), "no domain");
        }
        Severity severity;
        try {
            severity = Severity.parse(value(row, columns, "severity"));
        } catch (IllegalArgumentException e) {
            throw new BlocklistFormatException(row.line(), "\"" + value(row, columns, "severity").strip()
                    + "\" is not a severity (noop, silence, filter or suspend)");
        }
        boolean rejectMedia = bool(row, columns, "reject_media");
        boolean rejectReports = bool(row, columns, "reject_reports");
        boolean obfuscate = bool(row, columns, "obfuscate");
        try {
            Domains.normalize(domain);
        } catch (IllegalArgumentException e) {
            throw new BlocklistFormatException(row.line(), "\"" + domain + "\" is not a domain name");
        }
        try {
            return new DomainBlock(domain, severity, rejectMedia, rejectReports,
                    value(row, columns, "public_comment"), value(row, columns, "private_comment"), obfuscate);
        } catch (IllegalArgumentException e) {
            throw new BlocklistFormatException(row.line(), e.getMessage());
        }
    }

    private static String value(CsvRows.Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index);
    }

    private static boolean bool(CsvRows.Row row, Map<String, Integer> columns, String column)
            throws BlocklistFormatException {
        String text = value(row, columns, column).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "false", "0" -> false;
            case "true", "1" -> true;
            default -> throw new BlocklistFormatException(row.line(),
                    column + " must be true or false, not \"" + value(row, columns, column).strip() + "\"");
        };
    }

    /** Ruby's CSV quotes a field only when it holds a separator, a quote or a line break. */
    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String readAll(Reader in) {
        StringWriter text = new StringWriter();
        try {
            in.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
