package hearth.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/container/Containerfile read as its instructions (continuation lines joined, comments
 * dropped), with the few facts the tests compare against the node.
 */
record Containerfile(List<Instruction> instructions) {

    static final Path FILE = Repo.deploy("container/Containerfile");

    /** One instruction: its keyword in upper case and the rest of the line. */
    record Instruction(String keyword, String arguments) {
    }

    static Containerfile read() {
        List<Instruction> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : Repo.read(FILE).split("\n")) {
            String line = raw.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String text = pending.toString().strip();
            pending.setLength(0);
            int space = text.indexOf(' ');
            out.add(new Instruction(text.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                    text.substring(space + 1).strip()));
        }
        return new Containerfile(List.copyOf(out));
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    String last(String keyword) {
        List<String> found = all(keyword);
        if (found.isEmpty()) {
            throw new AssertionError("the Containerfile has no " + keyword);
        }
        return found.get(found.size() - 1);
    }

    /** The instructions of the final stage (after the last FROM): what the image runs. */
    Containerfile runtimeStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return new Containerfile(instructions.subList(from, instructions.size()));
    }

    /** Every ENV NAME=value of this stage. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)").matcher(String.join(" ", all("ENV")));
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    /** The strings of a JSON-array (exec form) argument such as ENTRYPOINT ["java", "-jar", "x.jar"]. */
    static List<String> execForm(String arguments) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(arguments);
        while (m.find()) {
            out.add(m.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
        }
        return out;
    }
}
