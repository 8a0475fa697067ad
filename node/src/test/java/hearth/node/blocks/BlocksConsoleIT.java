package hearth.node.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The console's blocks page over HTTP: admins only, forged forms refused politely, import and export. */
class BlocksConsoleIT {

    @Test
    void aFormWithoutItsTokenIsRefusedAndKeepsWhatWasTyped() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            HttpResponse<String> answer = maya.post("/mod/blocks", Map.of("csrf", "forged", "domain", "bad.example",
                    "severity", "silence", "public_comment", "spam waves"));
            assertEquals(403, answer.statusCode());
            Document page = Jsoup.parse(answer.body());
            assertEquals("bad.example", page.selectFirst("input[name=domain]").val());
            assertEquals("spam waves", page.selectFirst("textarea[name=public_comment]").text());
            assertEquals("silence", page.selectFirst("select[name=severity] option[selected]").val());
            assertFalse(page.select("[role=alert]").text().isEmpty());
            assertTrue(bed.get("/blocklist.json", "application/json").statusCode() == 200);
            assertFalse(maya.page("/mod/blocks").select("table.blocks").text().contains("bad.example"));
        }
    }

    @Test
    void aLiftWithoutItsTokenIsRefused() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            assertEquals(303, maya.block("bad.example", "suspend", false, ""));
            assertEquals(403, maya.post("/mod/blocks/lift", Map.of("csrf", "forged", "domain", "bad.example",
                    "reason", "")).statusCode());
            assertTrue(maya.page("/mod/blocks").select("table.blocks").text().contains("bad.example"));
        }
    }

    @Test
    void aBadDomainIsRefusedWithAReason() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            HttpResponse<String> answer = maya.submit("/mod/blocks", Map.of("domain", "not a domain!", "severity", "suspend"));
            assertEquals(400, answer.statusCode());
            Document page = Jsoup.parse(answer.body());
            assertTrue(page.select("[role=alert]").text().contains("not a domain"), page.select("[role=alert]").text());
            assertEquals("not a domain!", page.selectFirst("input[name=domain]").val());
        }
    }

    @Test
    void aCircleModeratorCannotReachTheBlocksPage() {
        try (BlockBed bed = new BlockBed();
             ConsoleBrowser circleMod = ConsoleBrowser.signIn(bed.url("/"), bed.data, "nina", false, List.of("perinatal"))) {
            assertEquals(403, circleMod.get("/mod/blocks").statusCode());
            assertEquals(403, circleMod.get("/mod/blocks/export.csv").statusCode());
        }
    }

    @Test
    void aReaderIsSentToSignIn() {
        try (BlockBed bed = new BlockBed()) {
            HttpResponse<String> answer = bed.get("/mod/blocks", "text/html");
            assertEquals(303, answer.statusCode());
            assertEquals("/mod/login", answer.headers().firstValue("Location").orElse(""));
        }
    }

    @Test
    void pastedCsvIsImportedAndExportedAgain() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            String csv = "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n"
                    + "bad.example,suspend,false,true,\"spam, daily\",false\n";
            HttpResponse<String> answer = maya.submit("/mod/blocks/import", Map.of("csv", csv, "shared", "true"));
            assertEquals(200, answer.statusCode());
            assertTrue(Jsoup.parse(answer.body()).text().contains("Imported 1 entry;"));
            HttpResponse<String> export = maya.get("/mod/blocks/export.csv");
            assertEquals(200, export.statusCode());
            assertEquals(csv, export.body());
            assertTrue(bed.get("/blocklist.csv", "text/csv").body().contains("bad.example"));
        }
    }

    @Test
    void aBadPasteImportsNothingAndKeepsTheText() {
        try (BlockBed bed = new BlockBed(); ConsoleBrowser maya = bed.admin()) {
            String csv = "good.example\nbad domain!\n";
            HttpResponse<String> answer = maya.submit("/mod/blocks/import", Map.of("csv", csv));
            assertEquals(400, answer.statusCode());
            Document page = Jsoup.parse(answer.body());
            assertEquals(csv, page.selectFirst("textarea[name=csv]").wholeText());
            assertFalse(page.select("table.blocks").text().contains("good.example"));
        }
    }
}
