package hearth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/systemd/hearth.service: sandboxed, writable only in its state folder, and what the node reads. */
class SystemdUnitTest {

    private static final Path UNIT = Repo.deploy("systemd/hearth.service");
    private static final String INSTALLED_ROOT = "/opt/hearth";

    private final Map<String, List<String>> service = section("Service");

    @Test
    void runsUnderADynamicUserWithoutNewPrivileges() {
        assertEquals(List.of("yes"), service.get("DynamicUser"));
        assertEquals(List.of("yes"), service.get("NoNewPrivileges"));
        assertFalse(service.containsKey("User"), "DynamicUser makes up the user; a fixed User= would defeat it");
    }

    @Test
    void theStateFolderIsTheOnlyWritablePlaceAndTheNodeKeepsItsDataThere() {
        assertEquals(List.of("strict"), service.get("ProtectSystem"));
        assertEquals(List.of("hearth"), service.get("StateDirectory"));
        assertFalse(service.containsKey("ReadWritePaths"), "nothing but StateDirectory may be writable");
        assertEquals("/var/lib/hearth", environment().get(NodeSurface.env("--data")));
    }

    @Test
    void homeTmpDevicesAndAddressFamiliesAreLockedDown() {
        assertEquals(List.of("yes"), service.get("ProtectHome"));
        assertEquals(List.of("yes"), service.get("PrivateTmp"));
        assertEquals(List.of("yes"), service.get("PrivateDevices"));
        assertEquals(List.of("AF_INET AF_INET6 AF_UNIX"), service.get("RestrictAddressFamilies"));
        assertTrue(service.get("SystemCallFilter").contains("@system-service"), service.toString());
        assertEquals(List.of(""), service.get("CapabilityBoundingSet"));
    }

    @Test
    void memoryDenyWriteExecuteIsLeftOutBecauseTheJitNeedsItAndTheUnitSaysSo() {
        assertFalse(service.containsKey("MemoryDenyWriteExecute"));
        String unit = Repo.read(UNIT);
        assertTrue(unit.contains("# Not set on purpose: MemoryDenyWriteExecute") && unit.contains("JIT"),
                "the unit explains why");
    }

    @Test
    void everyEnvironmentVariableIsOneTheNodeOrItsLauncherReads() {
        for (String name : environment().keySet()) {
            assertTrue(NodeSurface.knownEnv().contains(name), name + " is read by nobody; known: " + NodeSurface.knownEnv());
        }
    }

    @Test
    void theNodeListensOnLoopbackAtThePortTheProxiesUse() {
        assertEquals(NodeSurface.defaultBind(), environment().get(NodeSurface.env("--bind")));
        assertEquals(String.valueOf(NodeSurface.defaultPort()), environment().get(NodeSurface.env("--port")));
        assertTrue(environment().get(NodeSurface.env("--public-url")).startsWith("https://"));
    }

    @Test
    void theConfigurationArrivesAsACredentialTheDynamicUserCanRead() {
        assertEquals("%d/hearth.yaml", environment().get(NodeSurface.env("--config")));
        assertEquals(List.of("hearth.yaml:/etc/hearth/hearth.yaml"), service.get("LoadCredential"));
    }

    @Test
    void itStartsTheBuiltLauncherAndNeverBuilds() {
        assertEquals(List.of(INSTALLED_ROOT + "/hearth start"), service.get("ExecStart"));
        assertTrue(Files.isExecutable(Repo.root().resolve("hearth")));
        assertEquals("1", environment().get("HEARTH_NO_BUILD"));
    }

    @Test
    void systemdAnalyzeVerifyFindsNothingToSay() throws IOException {
        Tools.require("systemd-analyze");
        // The unit expects the checkout in /opt/hearth; here it is wherever this repository is.
        Path dir = Repo.scratch("systemd");
        Path copy = dir.resolve("hearth.service");
        Files.writeString(copy, Repo.read(UNIT).replace(INSTALLED_ROOT + "/", Repo.root() + "/"));
        Tools.Result result = Tools.run(Map.of(), dir, "systemd-analyze", "verify", copy.toString());
        assertEquals(0, result.exit(), result.output());
        assertEquals("", result.output().strip(), "systemd-analyze warns: " + result.output());
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : service.getOrDefault("Environment", List.of())) {
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        return env;
    }

    /** The keys of one [Section], each with all its values in order (systemd keys may repeat). */
    private static Map<String, List<String>> section(String name) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String raw : Repo.read(UNIT).split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = line.substring(1, line.length() - 1);
            } else if (name.equals(current)) {
                int eq = line.indexOf('=');
                keys.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                        .add(line.substring(eq + 1).strip());
            }
        }
        return keys;
    }
}
