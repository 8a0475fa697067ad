package hearth.ui.view;

import java.util.List;

/**
 * Her recovery phrase: the words of her author key, in order. {@code words} is empty when this
 * browser holds no key; {@code pseudonym} is her usual name here, or null if she has none.
 */
public record PhrasePage(Chrome chrome, List<String> words, String pseudonym) {
    public PhrasePage {
        words = List.copyOf(words);
    }
}
