package hearth.federation.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    private static ObjectNode json(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void refusedId(String id) {
        assertThrows(Fields.Malformed.class, () -> Fields.requiredId(json("{\"id\":\"" + id + "\"}"), "id"));
    }

    // ---- ids

    @Test
    void readsAnHttpsId() {
        assertEquals(URI.create("https://a.example/u/alice#main-key"),
                Fields.requiredId(json("{\"id\":\"https://a.example/u/alice#main-key\"}"), "id"));
    }

    @Test
    void readsAnHttpIdWithAPort() {
        assertEquals(URI.create("http://lemmy-alpha:8541/post/2"),
                Fields.requiredId(json("{\"id\":\"http://lemmy-alpha:8541/post/2\"}"), "id"));
    }

    @Test
    void refusesAJavascriptId() {
        refusedId("javascript:alert(1)");
    }

    @Test
    void refusesADataId() {
        refusedId("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");
    }

    @Test
    void refusesARelativeId() {
        refusedId("/users/alice");
    }

    @Test
    void refusesAProtocolRelativeId() {
        refusedId("//a.example/users/alice");
    }

    @Test
    void refusesAnIdWithUserInfo() {
        refusedId("https://a.example@b.example/users/alice");
    }

    @Test
    void refusesAnIdWithUserAndPassword() {
        refusedId("https://alice:secret@a.example/users/alice");
    }

    @Test
    void refusesAnIdWithoutHost() {
        refusedId("https:///users/alice");
    }

    @Test
    void refusesAnOpaqueHttpsId() {
        refusedId("https:a.example/users/alice");
    }

    @Test
    void refusesAnFtpId() {
        refusedId("ftp://a.example/users/alice");
    }

    @Test
    void refusesAFileId() {
        refusedId("file:///etc/passwd");
    }

    @Test
    void refusesAUrnId() {
        refusedId("urn:uuid:12345678-1234-5678-1234-567812345678");
    }

    @Test
    void refusesAnIdThatIsNotAUri() {
        refusedId("https://a.example/users/a lice");
    }

    @Test
    void refusesAnEmptyId() {
        refusedId("");
    }

    @Test
    void refusesANumberAsId() {
        assertThrows(Fields.Malformed.class, () -> Fields.requiredId(json("{\"id\":42}"), "id"));
    }

    @Test
    void refusesAMissingId() {
        assertThrows(Fields.Malformed.class, () -> Fields.requiredId(json("{\"type\":\"Note\"}"), "id"));
    }

    @Test
    void refusesANullId() {
        assertThrows(Fields.Malformed.class, () -> Fields.requiredId(json("{\"id\":null}"), "id"));
    }

    @Test
    void refusesAnEmbeddedObjectWithoutId() {
        assertThrows(Fields.Malformed.class,
                () -> Fields.requiredId(json("{\"object\":{\"type\":\"Note\"}}"), "object"));
    }

    @Test
    void readsTheIdOfAnEmbeddedObject() {
        assertEquals(URI.create("https://a.example/notes/1"),
                Fields.id(json("{\"object\":{\"id\":\"https://a.example/notes/1\",\"type\":\"Note\"}}"), "object"));
    }

    @Test
    void readsTheFirstIdOfAList() {
        assertEquals(URI.create("https://a.example/1"),
                Fields.id(json("{\"object\":[\"https://a.example/1\",\"https://a.example/2\"]}"), "object"));
    }

    @Test
    void absentIdIsNull() {
        assertNull(Fields.id(json("{}"), "inReplyTo"));
        assertNull(Fields.id(json("{\"inReplyTo\":null}"), "inReplyTo"));
        assertNull(Fields.id(json("{\"inReplyTo\":[]}"), "inReplyTo"));
    }

    // ---- lists of ids and the public collection

    @Test
    void readsAListOfIdsInOrder() {
        assertEquals(List.of(PUBLIC, URI.create("https://a.example/c/main")),
                Fields.ids(json("{\"to\":[\"" + Fields.PUBLIC + "\",\"https://a.example/c/main\"]}"), "to"));
    }

    @Test
    void readsASingleIdAsAList() {
        assertEquals(List.of(URI.create("https://a.example/u/alice/followers")),
                Fields.ids(json("{\"cc\":\"https://a.example/u/alice/followers\"}"), "cc"));
    }

    @Test
    void expandsAsPublic() {
        assertEquals(List.of(PUBLIC), Fields.ids(json("{\"to\":\"as:Public\"}"), "to"));
    }

    @Test
    void expandsBarePublic() {
        assertEquals(List.of(PUBLIC), Fields.ids(json("{\"to\":[\"Public\"]}"), "to"));
    }

    @Test
    void absentListIsEmpty() {
        assertEquals(List.of(), Fields.ids(json("{}"), "cc"));
        assertEquals(List.of(), Fields.ids(json("{\"cc\":null}"), "cc"));
    }

    @Test
    void refusesAListWithANonHttpId() {
        assertThrows(Fields.Malformed.class,
                () -> Fields.ids(json("{\"to\":[\"https://a.example/u/a\",\"javascript:alert(1)\"]}"), "to"));
    }

    // ---- text, booleans, types, dates

    @Test
    void readsText() {
        assertEquals("bad comment", Fields.text(json("{\"summary\":\"bad comment\"}"), "summary"));
        assertNull(Fields.text(json("{\"summary\":null}"), "summary"));
        assertNull(Fields.text(json("{}"), "summary"));
    }

    @Test
    void refusesTextThatIsNotText() {
        assertThrows(Fields.Malformed.class, () -> Fields.text(json("{\"summary\":{\"en\":\"x\"}}"), "summary"));
    }

    @Test
    void refusesEmptyRequiredText() {
        assertThrows(Fields.Malformed.class, () -> Fields.requiredText(json("{\"publicKeyPem\":\"\"}"), "publicKeyPem"));
    }

    @Test
    void readsBooleansStrictly() {
        assertTrue(Fields.bool(json("{\"sensitive\":true}"), "sensitive"));
        assertFalse(Fields.bool(json("{\"sensitive\":\"true\"}"), "sensitive"));
        assertFalse(Fields.bool(json("{}"), "sensitive"));
    }

    @Test
    void readsTheFirstOfSeveralTypes() {
        assertEquals("Note", Fields.type(json("{\"type\":[\"Note\",\"ChatMessage\"]}")));
    }

    @Test
    void refusesAMissingType() {
        assertThrows(Fields.Malformed.class, () -> Fields.type(json("{\"id\":\"https://a.example/1\"}")));
    }

    @Test
    void refusesAnEmptyTypeList() {
        assertThrows(Fields.Malformed.class, () -> Fields.type(json("{\"type\":[]}")));
    }

    @Test
    void readsDatesWithNanosecondsAndOffsets() {
        ObjectNode json = json("""
                {"a":"2026-11-22T10:00:13.686853678Z","b":"2024-06-01T12:03:44+00:00","c":"2021-11-05T11:46:50Z"}""");
        assertEquals(Instant.parse("2026-11-22T10:00:13.686853678Z"), Fields.instant(json, "a"));
        assertEquals(Instant.parse("2024-06-01T12:03:44Z"), Fields.instant(json, "b"));
        assertEquals(Instant.parse("2021-11-05T11:46:50Z"), Fields.instant(json, "c"));
        assertNull(Fields.instant(json, "d"));
    }

    @Test
    void refusesADateThatIsNotOne() {
        assertThrows(Fields.Malformed.class, () -> Fields.instant(json("{\"published\":\"yesterday\"}"), "published"));
    }

    @Test
    void writesDatesToTheSecond() {
        ObjectNode json = Json.object();
        Fields.put(json, "published", Instant.parse("2026-11-22T10:00:13.686853678Z"));
        assertEquals("2026-11-22T10:00:13Z", json.get("published").asText());
    }

    @Test
    void writesNothingForNull() {
        ObjectNode json = Json.object();
        Fields.put(json, "summary", null);
        Fields.putIds(json, "cc", List.of());
        assertEquals(0, json.size());
    }
}
