package hearth.node.config;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} in a configuration file's text with the value of the environment
 * variable {@code NAME}, so a container or a systemd unit can keep a secret (a database password in
 * {@code storage.url}) out of the file it mounts.
 *
 * <pre>{@code
 * String text = new EnvReferences(System::getenv).expand(yamlText);
 * }</pre>
 *
 * <p>Comment lines are left alone, so the example file may mention the syntax. An unset variable
 * or a value with a line break is a {@link ConfigLoader.ConfigException} naming the line: a
 * half-configured node must not start. Immutable and safe to share across threads if the lookup is.
 */
public final class EnvReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> env;

    /** @param env looks up an environment variable, {@code null} when it is not set */
    public EnvReferences(Function<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /**
     * @param where names the file in error messages
     * @return the text with every reference outside comment lines replaced
     */
    public String expand(String text, String where) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            out.append(line.stripLeading().startsWith("#") ? line : expandLine(line, where, i + 1));
        }
        return out.toString();
    }

    private String expandLine(String line, String where, int number) {
        Matcher m = REFERENCE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = env.apply(name);
            if (value == null) {
                throw new ConfigLoader.ConfigException("in " + where + " on line " + number
                        + ": the environment variable " + name + " is not set");
            }
            if (value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new ConfigLoader.ConfigException("in " + where + " on line " + number
                        + ": the environment variable " + name + " holds a line break");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
