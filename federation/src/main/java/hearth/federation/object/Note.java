package hearth.federation.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A reply: {@code inReplyTo} is the thread's Page or another reply. */
public record Note(URI id, URI attributedTo, URI audience, URI context, URI inReplyTo, String contentHtml,
        String source, Instant published, Instant updated, boolean sensitive, String summary,
        List<URI> to, List<URI> cc) implements Post {

    public Note {
        published = Times.toSecond(published);
        updated = Times.toSecond(updated);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    public static Note fromJson(JsonNode json) {
        return new Note(Fields.requiredId(json, "id"), Fields.requiredId(json, "attributedTo"),
                Fields.id(json, "audience"), Fields.id(json, "context"), Fields.id(json, "inReplyTo"),
                Post.content(json), Post.markdownSource(json), Fields.instant(json, "published"),
                Fields.instant(json, "updated"), Fields.bool(json, "sensitive"), Fields.text(json, "summary"),
                Fields.ids(json, "to"), Fields.ids(json, "cc"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("type", "Note");
        Post.writeCommon(this, json);
        Fields.put(json, "inReplyTo", inReplyTo);
        return json;
    }
}
