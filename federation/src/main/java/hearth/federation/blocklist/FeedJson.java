package hearth.federation.blocklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed's JSON shape, both ways. Reading is strict about what it uses (types, required
 * fields, known words) and ignores fields it does not know, so a later Hearth can add some.
 */
final class FeedJson {

    static final String TYPE = "Blocklist";
    static final List<String> CONTEXT = List.of(
            "https://www.w3.org/ns/activitystreams", "https://w3id.org/security/data-integrity/v2");

    private FeedJson() {
    }

    static ObjectNode write(Feed feed) {
        ObjectNode json = Json.object();
        ArrayNode context = json.putArray("@context");
        CONTEXT.forEach(context::add);
        json.put("type", TYPE);
        json.put("id", feed.id().toString());
        json.put("issuer", feed.issuer().toString());
        json.put("sequence", feed.sequence());
        json.put("updated", time(feed.updated()));
        ArrayNode entries = json.putArray("entries");
        for (FeedEntry e : feed.entries()) {
            ObjectNode entry = entries.addObject();
            entry.put("target", e.target());
            entry.put("kind", e.kind().wire());
            entry.put("severity", e.severity().wire());
            entry.put("rejectMedia", e.rejectMedia());
            entry.put("rejectReports", e.rejectReports());
            ArrayNode labels = entry.putArray("labels");
            e.labels().forEach(labels::add);
            entry.put("publicReason", e.publicReason());
            entry.put("firstChanged", time(e.firstChanged()));
            entry.put("lastChanged", time(e.lastChanged()));
            entry.put("sequence", e.sequence());
            entry.put("retracted", e.retracted());
        }
        return json;
    }

    static Feed read(JsonNode doc) throws BlocklistFormatException {
        if (doc == null || !doc.isObject()) {
            throw new BlocklistFormatException("the feed is not a JSON object");
        }
        if (!TYPE.equals(doc.path("type").textValue())) {
            throw new BlocklistFormatException("the feed's type is not " + TYPE);
        }
        URI id = uri(doc, "id");
        URI issuer = uri(doc, "issuer");
        long sequence = number(doc, "sequence", "the feed");
        Instant updated = instant(doc, "updated", "the feed");
        JsonNode list = doc.get("entries");
        if (list == null || !list.isArray()) {
            throw new BlocklistFormatException("the feed has no list of entries");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), "entry " + (i + 1)));
        }
        try {
            return new Feed(id, issuer, sequence, updated, entries);
        } catch (IllegalArgumentException e) {
            throw new BlocklistFormatException("the feed is inconsistent: " + e.getMessage());
        }
    }

    private static FeedEntry entry(JsonNode json, String where) throws BlocklistFormatException {
        if (!json.isObject()) {
            throw new BlocklistFormatException(where + " is not an object");
        }
        String target = text(json, "target", where);
        String named = where + " (" + target + ")";
        try {
            TargetKind kind = TargetKind.parse(text(json, "kind", named));
            Severity severity = Severity.parse(text(json, "severity", named));
            return new FeedEntry(target, kind, severity,
                    bool(json, "rejectMedia", named), bool(json, "rejectReports", named),
                    labels(json, named), optionalText(json, "publicReason", named),
                    instant(json, "firstChanged", named), instant(json, "lastChanged", named),
                    number(json, "sequence", named), bool(json, "retracted", named));
        } catch (IllegalArgumentException e) {
            throw new BlocklistFormatException(named + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode json, String field, String where) throws BlocklistFormatException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new BlocklistFormatException(where + " has no " + field);
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode json, String field, String where) throws BlocklistFormatException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new BlocklistFormatException(where + ": " + field + " must be text");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode json, String field, String where) throws BlocklistFormatException {
        JsonNode value = json.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new BlocklistFormatException(where + ": " + field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static long number(JsonNode json, String field, String where) throws BlocklistFormatException {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new BlocklistFormatException(where + ": " + field + " must be a whole number");
        }
        return value.longValue();
    }

    private static List<String> labels(JsonNode json, String where) throws BlocklistFormatException {
        JsonNode value = json.get("labels");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BlocklistFormatException(where + ": labels must be a list");
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : value) {
            if (!label.isTextual()) {
                throw new BlocklistFormatException(where + ": a label must be text");
            }
            labels.add(label.textValue());
        }
        return labels;
    }

    private static Instant instant(JsonNode json, String field, String where) throws BlocklistFormatException {
        String text = text(json, field, where);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BlocklistFormatException(where + ": " + field + " is not a date and time");
        }
    }

    private static URI uri(JsonNode json, String field) throws BlocklistFormatException {
        try {
            return Fields.uri(text(json, field, "the feed"), field);
        } catch (Fields.Malformed e) {
            throw new BlocklistFormatException("the feed's " + e.getMessage());
        }
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
