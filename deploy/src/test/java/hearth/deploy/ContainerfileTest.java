package hearth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/container/Containerfile against the node: runtime, user, volume, port, health check, jar. */
class ContainerfileTest {

    private final Containerfile file = Containerfile.read();
    private final Containerfile runtime = file.runtimeStage();

    @Test
    void theImageRunsOnAJava21RuntimeWithoutACompiler() {
        String base = runtime.last("FROM");
        assertTrue(base.matches(".*eclipse-temurin:21-jre\\b.*"), base);
    }

    @Test
    void theNodeRunsAsAnUnprivilegedUserTheImageCreates() {
        String user = runtime.last("USER");
        assertFalse(user.equals("root") || user.startsWith("0"), user);
        assertTrue(runtime.all("RUN").stream().anyMatch(r -> r.contains("useradd") && r.endsWith(user)
                || r.contains("useradd") && r.contains(" " + user + " ")), "the image creates the user " + user);
    }

    @Test
    void theVolumeIsTheNodesDataFolder() {
        String data = runtime.env().get(NodeSurface.env("--data"));
        assertEquals(List.of(data), Containerfile.execForm(runtime.last("VOLUME")));
        assertTrue(runtime.all("RUN").stream().anyMatch(r -> r.contains("install -d -o hearth -g hearth -m 0700 " + data)),
                "the data folder belongs to the node's user and is private");
    }

    @Test
    void theNodeListensOnAllInterfacesOfTheContainerAtTheExposedPort() {
        Map<String, String> env = runtime.env();
        assertEquals("0.0.0.0", env.get(NodeSurface.env("--bind")), "a proxy in another container must reach it");
        assertEquals(env.get(NodeSurface.env("--port")), runtime.last("EXPOSE"));
    }

    @Test
    void everyEnvironmentVariableIsOneTheNodeReads() {
        for (String name : runtime.env().keySet()) {
            assertTrue(NodeSurface.knownEnv().contains(name), name + " is read by nobody");
        }
    }

    @Test
    void theHealthCheckAsksTheNodesHealthPathOnItsPort() {
        String check = runtime.last("HEALTHCHECK");
        List<String> command = Containerfile.execForm(check.substring(check.indexOf("CMD") + 3));
        assertEquals(List.of("bash", "-c"), command.subList(0, 2));
        assertTrue(command.get(2).contains("/dev/tcp/127.0.0.1/${" + NodeSurface.env("--port") + "}"), command.get(2));
        assertTrue(command.get(2).contains("GET " + NodeSurface.HEALTH_PATH + " "), command.get(2));
    }

    @Test
    void theImageCopiesWhatMvnPackageBuildsAndRunsThatJarWithStart() {
        List<String> copies = runtime.all("COPY");
        assertTrue(copies.contains("--from=build /src/" + NodeSurface.JAR + " /opt/hearth/hearth-node.jar"), copies.toString());
        assertTrue(copies.contains("--from=build /src/" + NodeSurface.LIB + " /opt/hearth/lib/"), copies.toString());
        List<String> entry = Containerfile.execForm(runtime.last("ENTRYPOINT"));
        assertEquals(List.of("-jar", "/opt/hearth/hearth-node.jar"), entry.subList(entry.size() - 2, entry.size()));
        assertEquals(List.of("start"), Containerfile.execForm(runtime.last("CMD")));
    }

    @Test
    void theBuildStageBuildsTheNodeWithMavenOnJava21() {
        String builder = file.all("FROM").get(0);
        assertTrue(builder.contains("temurin-21") && builder.endsWith(" AS build"), builder);
        assertTrue(file.all("RUN").stream().anyMatch(r -> r.startsWith("mvn ") && r.contains("-pl node -am package")));
    }

    @Test
    void buildOutputAndHistoryStayOutOfTheBuildContext() {
        List<String> ignored = List.of(Repo.read(Repo.deploy("container/Containerfile.dockerignore")).split("\n"));
        assertTrue(ignored.contains("**/target"), ignored.toString());
        assertTrue(ignored.contains(".git"), ignored.toString());
    }
}
