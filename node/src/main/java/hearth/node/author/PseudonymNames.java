package hearth.node.author;

import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes friendly pseudonyms such as "Quiet Heron 4821": a gentle adjective, an animal
 * or plant, and four digits. Names carry no meaning about the author; the node checks
 * uniqueness when it stores one. Thread-safe.
 */
public final class PseudonymNames {

    static final List<String> ADJECTIVES = List.of(
            "Quiet", "Gentle", "Brave", "Bright", "Calm", "Steady", "Kind", "Warm",
            "Soft", "Hopeful", "Patient", "Clear", "Golden", "Silver", "Amber", "Willow",
            "Morning", "Evening", "Misty", "Sunny", "Rainy", "Starlit", "Moonlit", "Wild",
            "Tender", "Bold", "Humble", "Free", "Open", "Still", "Deep", "Light",
            "Honest", "Curious", "Dreaming", "Wandering", "Resting", "Rising", "Growing", "Blooming",
            "Velvet", "Cedar", "Coral", "Ivory", "Jade", "Rosy", "Sage", "Snowy",
            "Autumn", "Spring", "Summer", "Winter", "Northern", "Southern", "Eastern", "Western",
            "Little", "Tall", "Swift", "Slow", "Faithful", "True", "Graceful", "Shining");

    static final List<String> NAMES = List.of(
            "Heron", "Wren", "Robin", "Sparrow", "Finch", "Swallow", "Dove", "Owl",
            "Lark", "Kestrel", "Plover", "Egret", "Swan", "Otter", "Fox", "Hare",
            "Deer", "Badger", "Seal", "Dolphin", "Whale", "Turtle", "Bee", "Moth",
            "Butterfly", "Dragonfly", "Fern", "Moss", "Willow", "Birch", "Rowan", "Hazel",
            "Aspen", "Cedar", "Maple", "Olive", "Poppy", "Daisy", "Clover", "Heather",
            "Iris", "Lily", "Lotus", "Orchid", "Violet", "Juniper", "Thistle", "Bramble",
            "River", "Brook", "Meadow", "Harbor", "Island", "Lantern", "Candle", "Ember",
            "Comet", "Star", "Moon", "Cloud", "Rain", "Snow", "Tide", "Pebble");

    private final RandomGenerator random;

    public PseudonymNames() {
        this(new SecureRandom());
    }

    PseudonymNames(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        String adjective = ADJECTIVES.get(random.nextInt(ADJECTIVES.size()));
        String name = NAMES.get(random.nextInt(NAMES.size()));
        int number = 1000 + random.nextInt(9000);
        return adjective + " " + name + " " + number;
    }
}
