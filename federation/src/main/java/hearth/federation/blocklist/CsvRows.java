package hearth.federation.blocklist;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records with the line each starts on, so that a moderator is told where a problem
 * is. Fields may be quoted (commas, doubled quotes and line breaks inside); line ends may be
 * CRLF, LF or CR. Spaces around a quoted field are tolerated because hand-edited lists have
 * them; a quote inside an unquoted field is refused, as Ruby's CSV (Mastodon's) refuses it,
 * since guessing what was meant could turn a comment into a domain.
 */
final class CsvRows {

    /** One record: the physical line it starts on and its fields, unquoted. */
    record Row(int line, List<String> cells) {

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    private final String text;
    private int pos;
    private int line = 1;

    private CsvRows(String text) {
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    static List<Row> parse(String text) throws BlocklistFormatException {
        return new CsvRows(text).rows();
    }

    private List<Row> rows() throws BlocklistFormatException {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            int start = line;
            List<String> cells = new ArrayList<>();
            boolean more = true;
            while (more) {
                cells.add(field());
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else {
                    newline();
                    more = false;
                }
            }
            rows.add(new Row(start, List.copyOf(cells)));
        }
        return rows;
    }

    /** Reads one field and stops at the comma, line end or end of text that follows it. */
    private String field() throws BlocklistFormatException {
        int afterSpaces = skipSpaces(pos);
        if (afterSpaces < text.length() && text.charAt(afterSpaces) == '"') {
            pos = afterSpaces + 1;
            return quoted();
        }
        int start = pos;
        while (pos < text.length() && !endOfField(text.charAt(pos))) {
            if (text.charAt(pos) == '"') {
                throw new BlocklistFormatException(line, "a quote inside an unquoted field"
                        + " (put the whole field in quotes and double the quote)");
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() throws BlocklistFormatException {
        int opened = line;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new BlocklistFormatException(opened, "a quoted field is never closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos = skipSpaces(pos + 1);
                if (pos < text.length() && !endOfField(text.charAt(pos))) {
                    throw new BlocklistFormatException(line, "text after a closing quote"
                            + " (a quote inside a quoted field must be doubled)");
                }
                return value.toString();
            }
            if (c == '\n' || c == '\r' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '\n')) {
                line++;
            }
            value.append(c);
            pos++;
        }
    }

    private void newline() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean endOfField(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }
}
