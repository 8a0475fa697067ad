package hearth.deploy;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * What a deploy file may rely on, read from the node itself: the environment variables behind the
 * options of {@code hearth start} (with their defaults), those the launcher documents, the health
 * check path, and where {@code mvn package} puts the runnable jar.
 */
final class NodeSurface {

    /** The path the node answers with 200 once it serves (the IT checks it against a real node). */
    static final String HEALTH_PATH = "/healthz";
    /** Where {@code mvn package} puts the node jar and its libraries, relative to the repository. */
    static final String JAR = "node/target/hearth-node.jar";
    static final String LIB = "node/target/lib/";

    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Z0-9_]+)(?::-([^}]*))?}");
    private static final Pattern LAUNCHER_ENV = Pattern.compile("(?m)^  ([A-Z][A-Z0-9_]+) ");

    private NodeSurface() {
    }

    /** Option name to environment variable, for {@code hearth start}. */
    static Map<String, String> startOptionEnv() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field field : startCommand().getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null) {
                Matcher m = ENV_DEFAULT.matcher(option.defaultValue());
                if (m.matches()) {
                    out.put(option.names()[0], m.group(1));
                }
            }
        }
        return out;
    }

    /** The default of {@code hearth start}'s option when its environment variable is unset, or null. */
    static String startDefault(String optionName) {
        for (Field field : startCommand().getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null && option.names()[0].equals(optionName)) {
                Matcher m = ENV_DEFAULT.matcher(option.defaultValue());
                return m.matches() ? m.group(2) : option.defaultValue();
            }
        }
        throw new IllegalArgumentException("hearth start has no option " + optionName);
    }

    /** Every environment variable a deploy file may set for the node or its launcher. */
    static Set<String> knownEnv() {
        Set<String> names = new TreeSet<>(startOptionEnv().values());
        Matcher m = LAUNCHER_ENV.matcher(launcherUsage());
        while (m.find()) {
            names.add(m.group(1));
        }
        names.add("JAVA_TOOL_OPTIONS"); // read by every JVM
        return names;
    }

    /** The environment variable behind an option of {@code hearth start}. */
    static String env(String optionName) {
        String name = startOptionEnv().get(optionName);
        if (name == null) {
            throw new IllegalArgumentException("hearth start reads no environment variable for " + optionName);
        }
        return name;
    }

    static int defaultPort() {
        return Integer.parseInt(startDefault("--port"));
    }

    static String defaultBind() {
        return startDefault("--bind");
    }

    private static String launcherUsage() {
        String launcher = Repo.read(Repo.root().resolve("hearth"));
        int from = launcher.indexOf("Environment:");
        int to = launcher.indexOf("EOF", from);
        if (from < 0 || to < 0) {
            throw new IllegalStateException("the launcher's usage has no Environment section");
        }
        return launcher.substring(from, to);
    }

    private static Class<?> startCommand() {
        try {
            return Class.forName("hearth.node.Main$Start");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("hearth start is not where it was", e);
        }
    }
}
