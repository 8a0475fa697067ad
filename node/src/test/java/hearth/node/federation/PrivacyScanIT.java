package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.federation.object.ActorType;
import hearth.node.LeakScan;
import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.process.NodeProcess;
import hearth.node.store.Database;
import hearth.node.web.AddressedClient;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing about the person is kept (issue 8, abuse without identity): a real node, run as its own
 * process, is used in every way a visitor, a moderator and a remote server can use it, all from
 * one distinctive client address ({@value #ADDRESS}) with one distinctive User-Agent, including
 * answers 404, 400, 413 and 429. Then its data folder (SQLite file and WAL, search index, every
 * other file, as bytes) and its log are searched for that address (as text, UTF-16 and 4 bytes)
 * and that agent: none may be there.
 */
class PrivacyScanIT {

    static final String ADDRESS = "127.0.0.77";
    static final String AGENT = "HearthScanAgent/7.7 (privacy-scan; +q9z)";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aNodeUsedInEveryWayKeepsNeitherTheClientsAddressNorItsAgent() throws Exception {
        Path data = TestNode.freshDataFolder();
        Path config = data.resolve("hearth.yaml");
        try (InputStream in = PrivacyScanIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode yaml = (ObjectNode) YAML.readTree(in);
            ObjectNode searches = yaml.putObject("limits").putObject("searches");
            searches.put("perMinute", 1);
            searches.put("burst", 2);
            YAML.writeValue(config.toFile(), yaml);
        }
        Path log;
        try (FakeServer remote = FakeServer.start();
             NodeProcess node = NodeProcess.start(data, "privacy-scan", NodeProcess.anyFreePort(),
                     List.of("--allow-private-addresses", "--config", config.toString()))) {
            log = node.log();
            // The way the admin command makes a moderator, while the node runs.
            try (Database db = Database.sqlite(DataFolder.open(data).database())) {
                db.write(c -> {
                    ModeratorAccounts.createOrUpdate(c, "mara", PASSWORD.toCharArray(), true, List.of(),
                            System.currentTimeMillis());
                    return null;
                });
            }
            useEveryPart(node, remote);
            node.stop(Duration.ofSeconds(30)); // politely, so everything is on disk
        }

        List<LeakScan.Needle> needles = new ArrayList<>(LeakScan.needles(Map.of("client address", ADDRESS,
                "user agent", AGENT, "agent name", "HearthScanAgent")));
        List<String> found = new ArrayList<>(LeakScan.find(data, needles));
        found.addAll(LeakScan.find(data, List.of(LeakScan.binaryAddress("client address", ADDRESS))));
        found.addAll(LeakScan.find(log, needles));
        assertEquals(List.of(), found, "the address or the agent was kept");
        assertTrue(Files.size(log) > 0 && Files.list(data).count() > 2, "there was something to scan");
    }

    @Test
    void theScanFindsWhatItLooksForInEveryForm() throws Exception {
        // Not under target/test-nodes, which LeftoverScan searches after the suite.
        Files.createDirectories(Path.of("target", "scan-self-check"));
        Path folder = Files.createTempDirectory(Path.of("target", "scan-self-check").toAbsolutePath(), "scan-");
        Files.write(folder.resolve("text.log"), ("request from " + ADDRESS).getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve("utf16.db"), AGENT.getBytes(StandardCharsets.UTF_16LE));
        Files.write(folder.resolve("packed.bin"), new byte[] {1, 127, 0, 0, 77, 2});
        List<String> found = new ArrayList<>(LeakScan.find(folder, LeakScan.needles(Map.of("client address", ADDRESS,
                "user agent", AGENT))));
        found.addAll(LeakScan.find(folder, List.of(LeakScan.binaryAddress("client address", ADDRESS))));
        assertEquals(3, found.size(), found.toString());
        assertFalse(LeakScan.findPattern(folder, LeakScan.CLIENT_LOOPBACK).isEmpty());
        assertEquals(1, LeakScan.findClientAddresses(folder).size(), "the bare client address is found");
        Files.write(folder.resolve("text.log"), "actor http://127.0.0.5:39599/users/f at 127.0.0.5:39599"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), LeakScan.findClientAddresses(folder), "a peer's own URL and host are not a client");
        Files.write(folder.resolve("text.log"), "actor http://127.0.0.5:39599/users/f, request from 127.0.0.5:51234"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, LeakScan.findClientAddresses(folder).size(), "the same address from another port is a client");
    }

    /** A visitor, a moderator and a remote server, all from {@value #ADDRESS} with agent {@value #AGENT}. */
    private static void useEveryPart(NodeProcess node, FakeServer remote) {
        AddressedClient her = new AddressedClient(ADDRESS, node.port(), AGENT);
        assertEquals(200, her.get("/").status());
        AddressedClient.Answer opened = her.postForm("/c/perinatal/new", form(her, "/c/perinatal/new",
                "title", "Scan me", "body", "Opening words.", "contentWarning", "loss", "pseudonym", "usual"));
        assertEquals(303, opened.status(), opened.body());
        String thread = opened.header("location");
        AddressedClient.Answer replied = her.postForm(thread + "/reply", form(her, thread, "body", "A reply.",
                "pseudonym", "one-off"));
        assertEquals(303, replied.status(), replied.body());
        String post = replied.header("location").replaceAll(".*#p-", "");
        String edit = thread + "/p/" + post + "/edit";
        assertEquals(303, her.postForm(edit, form(her, edit, "body", "A reply, edited.")).status());
        String opening = her.get(thread).page().select("li.post").first().id().replace("p-", "");
        assertTrue(her.postForm(thread + "/p/" + opening + "/react", form(her, thread, "kind", "support"))
                .status() < 400, "reacted");
        String report = thread + "/p/" + opening + "/report";
        assertEquals(200, her.postForm(report, form(her, report, "reason", "other", "comment", "Just checking."))
                .status());
        assertEquals(200, her.get("/search?q=scan").status());
        assertEquals(200, her.get("/search?q=reply").status());
        assertEquals(429, her.get("/search?q=again").status());
        assertEquals(404, her.get("/c/perinatal/t/NOSUCHTHREAD").status());
        assertEquals(400, her.postForm("/c/perinatal/new", form(her, "/c/perinatal/new", "title", "T",
                "body", "B", "expires", "12345")).status());
        assertEquals(413, her.postForm("/c/perinatal/new", Map.of("body", "x".repeat(300_000))).status());

        AddressedClient moderator = new AddressedClient(ADDRESS, node.port(), AGENT);
        assertEquals(303, moderator.postForm("/mod/login", form(moderator, "/mod/login", "name", "mara",
                "password", PASSWORD)).status());
        assertEquals(200, moderator.get("/mod").status());
        assertEquals(200, moderator.get("/mod/posts/" + opening).status());
        assertEquals(200, moderator.get("/modlog").status());

        // A remote server, over the same address: a reply delivered in, and a Follow whose Accept goes out.
        FakeActor ana = remote.actor("ana", ActorType.PERSON);
        URI base = URI.create("http://127.0.0.1:" + node.port());
        Wire.LocalThread local = new Wire.LocalThread(base.resolve("/c/perinatal"), base.resolve(thread),
                base.resolve(thread + "/context"));
        deliver(her, InboxPoster.cavage(base.resolve("/c/perinatal/inbox"), Wire.bytes(Wire.create(
                ana.newId("activities"), ana.id(), Wire.reply(ana.newId("notes"), ana.id(), local, "From afar."))), ana));
        URI follow = ana.newId("follows");
        deliver(her, InboxPoster.cavage(base.resolve("/c/perinatal/inbox"),
                Wire.bytes(Wire.follow(follow, ana.id(), local.circle())), ana));
        remote.awaitDelivery(d -> d.type().equals("Accept"), Duration.ofSeconds(60));
        Peers.eventually(Duration.ofSeconds(60), "the delivered reply shows",
                () -> her.get(thread).body().contains("From afar."));
    }

    private static void deliver(AddressedClient client, InboxPoster.Request request) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        AddressedClient.Answer answer = client.send("POST", request.target().getRawPath(), headers, request.body());
        assertEquals(202, answer.status(), answer.body());
    }

    /** The form's fields: its csrf token read from {@code page}, then {@code nameValues}. */
    private static Map<String, String> form(AddressedClient client, String page, String... nameValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", AddressedClient.csrf(client.get(page)));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            fields.put(nameValues[i], nameValues[i + 1]);
        }
        return fields;
    }
}
