package hearth.federation.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Something a person wrote in a circle: a thread's opening ({@link Page}) or a reply ({@link Note}).
 *
 * <p>{@code contentHtml} is whatever the sender put in {@code content}: untrusted HTML that the
 * node must clean before showing it. {@code source} is the Markdown it came from, when the sender
 * offered it. {@code summary} is the content warning when {@code sensitive} is set. Times are
 * kept to the second, as Hearth writes them, so a post reads back equal to what was written.
 */
public sealed interface Post permits Page, Note {

    URI id();

    URI attributedTo();

    /** The circle (Group) this was written in; null when the sender did not say. */
    URI audience();

    /** The thread's collection, the same for a thread and all its replies; null when not given. */
    URI context();

    String contentHtml();

    String source();

    Instant published();

    Instant updated();

    boolean sensitive();

    String summary();

    List<URI> to();

    List<URI> cc();

    ObjectNode toJson();

    /** Reads a Page (or an Article, treated as a thread) or a Note. */
    static Post fromJson(JsonNode json) {
        return switch (Fields.type(json)) {
            case "Page", "Article" -> Page.fromJson(json);
            case "Note" -> Note.fromJson(json);
            default -> throw new Fields.Malformed("not a post: " + Fields.type(json));
        };
    }

    /** The content, or the first language's content when only a {@code contentMap} is given. */
    static String content(JsonNode json) {
        String content = Fields.text(json, "content");
        JsonNode map = json.get("contentMap");
        if (content == null && map != null && map.isObject() && map.size() > 0) {
            JsonNode first = map.elements().next();
            content = first.isTextual() ? first.asText() : null;
        }
        return content == null ? "" : content;
    }

    static String markdownSource(JsonNode json) {
        JsonNode source = json.get("source");
        if (source == null || !source.isObject()) {
            return null;
        }
        String mediaType = Fields.text(source, "mediaType");
        if (mediaType != null && !mediaType.startsWith("text/markdown")) {
            return null;
        }
        return Fields.text(source, "content");
    }

    /** Writes the fields Page and Note share. */
    static void writeCommon(Post post, ObjectNode json) {
        Fields.put(json, "id", post.id());
        Fields.put(json, "attributedTo", post.attributedTo());
        Fields.putIds(json, "to", post.to());
        Fields.putIds(json, "cc", post.cc());
        Fields.put(json, "audience", post.audience());
        Fields.put(json, "context", post.context());
        json.put("content", post.contentHtml());
        json.put("mediaType", "text/html");
        if (post.source() != null) {
            ObjectNode source = json.putObject("source");
            source.put("content", post.source());
            source.put("mediaType", "text/markdown");
        }
        Fields.put(json, "published", post.published());
        Fields.put(json, "updated", post.updated());
        json.put("sensitive", post.sensitive());
        Fields.put(json, "summary", post.summary());
    }
}
