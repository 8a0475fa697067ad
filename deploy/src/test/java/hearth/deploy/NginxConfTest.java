package hearth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/nginx/nginx.conf: TLS in front of the node, no access log, no client address passed on. */
class NginxConfTest {

    private static final Path FILE = Repo.deploy("nginx/nginx.conf");
    private static final String CERT = "/etc/letsencrypt/live/forum.example.org/fullchain.pem";
    private static final String KEY = "/etc/letsencrypt/live/forum.example.org/privkey.pem";

    private final List<String> directives = directives(Repo.read(FILE));

    @Test
    void accessLoggingIsOffAndNothingTurnsItBackOn() {
        List<String> accessLogs = directives.stream().filter(d -> d.startsWith("access_log ")).toList();
        assertEquals(List.of("access_log off"), accessLogs);
    }

    @Test
    void theErrorLogKeepsOnlyCriticalLinesWhichNameNoClient() {
        List<String> errorLogs = directives.stream().filter(d -> d.startsWith("error_log ")).toList();
        assertEquals(1, errorLogs.size(), errorLogs.toString());
        assertTrue(errorLogs.get(0).endsWith(" crit"), errorLogs.get(0));
    }

    @Test
    void headersThatCarryAClientAddressAreClearedNotFilled() {
        for (String header : List.of("X-Forwarded-For", "X-Real-IP", "Forwarded")) {
            assertTrue(directives.contains("proxy_set_header " + header + " \"\""), header);
        }
        for (String directive : directives) {
            assertFalse(directive.contains("$remote_addr") || directive.contains("$proxy_add_x_forwarded_for")
                    || directive.contains("$realip") || directive.startsWith("real_ip_"), directive);
        }
    }

    @Test
    void theUpstreamIsTheNodesDefaultAddressAndPort() {
        assertTrue(directives.contains("server " + NodeSurface.defaultBind() + ":" + NodeSurface.defaultPort()));
        assertTrue(directives.contains("proxy_pass http://hearth_node"));
        assertTrue(directives.contains("proxy_set_header Host $host"), "signatures cover the Host header");
    }

    @Test
    void nginxAcceptsIt() throws IOException {
        Tools.require("nginx");
        Tools.require("openssl");
        // nginx -t loads the certificate: give it a throwaway one, and files it may write.
        Path dir = Repo.scratch("nginx");
        Tools.Result cert = Tools.run(Map.of(), dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "1", "-subj", "/CN=forum.example.org");
        assertEquals(0, cert.exit(), cert.output());
        String conf = Repo.read(FILE).replace(CERT, dir.resolve("cert.pem").toString())
                .replace(KEY, dir.resolve("key.pem").toString())
                .replace("/var/log/nginx/error.log", dir.resolve("error.log").toString())
                .replace("/run/nginx.pid", dir.resolve("nginx.pid").toString());
        Path copy = dir.resolve("nginx.conf");
        Files.writeString(copy, conf);
        Tools.Result result = Tools.run(Map.of(), dir, Tools.path("nginx"), "-t", "-c", copy.toString(),
                "-p", dir + "/", "-e", dir.resolve("error.log").toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("test is successful"), result.output());
    }

    /** Every simple directive ("name args" up to ';'), comments removed, whitespace collapsed. */
    static List<String> directives(String conf) {
        String code = conf.replaceAll("(?m)#.*$", "");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("([^;{}]+);").matcher(code);
        while (m.find()) {
            out.add(m.group(1).strip().replaceAll("\\s+", " "));
        }
        return out;
    }
}
