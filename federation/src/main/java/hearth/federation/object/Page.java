package hearth.federation.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A thread's opening post, with its title in {@code name} (as Lemmy and Mbin send threads). */
public record Page(URI id, URI attributedTo, URI audience, URI context, String name, String contentHtml,
        String source, Instant published, Instant updated, boolean sensitive, String summary,
        List<URI> to, List<URI> cc) implements Post {

    public Page {
        published = Times.toSecond(published);
        updated = Times.toSecond(updated);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    public static Page fromJson(JsonNode json) {
        String name = Fields.text(json, "name");
        return new Page(Fields.requiredId(json, "id"), Fields.requiredId(json, "attributedTo"),
                Fields.id(json, "audience"), Fields.id(json, "context"), name == null ? "" : name,
                Post.content(json), Post.markdownSource(json), Fields.instant(json, "published"),
                Fields.instant(json, "updated"), Fields.bool(json, "sensitive"), Fields.text(json, "summary"),
                Fields.ids(json, "to"), Fields.ids(json, "cc"));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("type", "Page");
        json.put("name", name);
        Post.writeCommon(this, json);
        return json;
    }
}
