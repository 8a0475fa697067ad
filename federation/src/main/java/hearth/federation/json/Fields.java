package hearth.federation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the loose shapes ActivityPub allows: a field may hold one value or a list, a reference
 * may be a bare id or an embedded object with an {@code id}. Every id must be an absolute
 * http(s) URI with a host.
 *
 * <pre>{@code
 * URI actor = Fields.requiredId(json, "actor");
 * List<URI> to = Fields.ids(json, "to");
 * }</pre>
 * Stateless and thread-safe. Problems are reported as {@link Malformed}.
 */
public final class Fields {

    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private Fields() {
    }

    public static String requiredText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new Malformed("missing " + field);
        }
        return value.asText();
    }

    /** The text of a field, or null when absent; a non-text value is refused. */
    public static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Malformed(field + " must be text");
        }
        return value.asText();
    }

    public static boolean bool(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isBoolean() && value.asBoolean();
    }

    /** The type, or the first of several types. */
    public static String type(JsonNode json) {
        JsonNode value = json.get("type");
        if (value != null && value.isArray() && !value.isEmpty()) {
            value = value.get(0);
        }
        if (value == null || !value.isTextual()) {
            throw new Malformed("missing type");
        }
        return value.asText();
    }

    public static URI requiredId(JsonNode json, String field) {
        URI id = id(json, field);
        if (id == null) {
            throw new Malformed("missing " + field);
        }
        return id;
    }

    /** The id a field refers to (a string, an object's id, or the first of a list); null when absent. */
    public static URI id(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return null;
            }
            value = value.get(0);
        }
        return idOf(value, field);
    }

    /** All ids a field refers to, in order; the public collection's short forms are expanded. */
    public static List<URI> ids(JsonNode json, String field) {
        JsonNode value = json.get(field);
        List<URI> ids = new ArrayList<>();
        if (value == null || value.isNull()) {
            return ids;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                ids.add(idOf(item, field));
            }
        } else {
            ids.add(idOf(value, field));
        }
        return ids;
    }

    public static URI idOf(JsonNode value, String field) {
        if (value.isObject()) {
            value = value.get("id");
            if (value == null) {
                throw new Malformed(field + " has no id");
            }
        }
        if (!value.isTextual()) {
            throw new Malformed(field + " must be an id");
        }
        String text = value.asText();
        if (text.equals("Public") || text.equals("as:Public")) {
            text = PUBLIC;
        }
        return uri(text, field);
    }

    /** An absolute http(s) URI with a host, without user info. */
    public static URI uri(String text, String field) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new Malformed(field + " must be an http(s) URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Malformed(field + " is not a URI");
        }
    }

    public static Instant instant(JsonNode json, String field) {
        String text = text(json, field);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Malformed(field + " is not a date");
        }
    }

    // ---- writing

    public static void put(ObjectNode json, String field, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Instant instant) {
            json.put(field, java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                    instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        } else if (value instanceof Boolean flag) {
            json.put(field, flag);
        } else if (value instanceof JsonNode node) {
            json.set(field, node);
        } else {
            json.put(field, value.toString());
        }
    }

    public static void putIds(ObjectNode json, String field, List<URI> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ArrayNode array = json.putArray(field);
        ids.forEach(id -> array.add(id.toString()));
    }

    /** Thrown for JSON that is well-formed but not an activity Hearth understands. */
    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
