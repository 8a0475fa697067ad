package hearth.ui.view;

import java.util.List;

/**
 * What every page shows around its content: the node's name, the quick-exit link,
 * crisis lines, and the page language.
 */
public record Chrome(String nodeName, String exitUrl, List<CrisisLine> crisisLines, String lang) {
    public Chrome {
        crisisLines = List.copyOf(crisisLines);
    }
}
