package hearth.node.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node's settings, as read from its YAML configuration file.
 *
 * <p>Immutable and safe to share across threads. Build one with {@link ConfigLoader}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record NodeConfig(Node node, List<CrisisResource> crisisResources, List<CircleSeed> circles,
                         Federation federation, Blocklists blocklists, CrisisNote crisisNote,
                         ContentWarnings contentWarnings, Limits limits, Storage storage, Metrics metrics) {

    private static final Pattern CIRCLE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public NodeConfig {
        Objects.requireNonNull(node, "the configuration needs a 'node' section");
        crisisResources = crisisResources == null ? List.of() : List.copyOf(crisisResources);
        circles = circles == null ? List.of() : List.copyOf(circles);
        federation = federation == null ? new Federation(false, List.of(), null, null, null, null) : federation;
        blocklists = blocklists == null ? new Blocklists(null) : blocklists;
        contentWarnings = contentWarnings == null ? new ContentWarnings(null) : contentWarnings;
        crisisNote = crisisNote == null ? new CrisisNote(false, List.of()) : crisisNote;
        limits = limits == null ? Limits.defaults() : limits;
        storage = storage == null ? new Storage(null) : storage;
        metrics = metrics == null ? new Metrics(null, null, null) : metrics;
    }

    /**
     * The metrics endpoint ({@code GET /metrics}, Prometheus text format): off unless
     * {@code enabled}; on its own {@code host} (default 127.0.0.1, so only the machine itself can
     * read it) and {@code port} (default 9464; 0 picks a free one).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Metrics(Boolean enabled, String host, Integer port) {
        public static final int DEFAULT_PORT = 9464;

        public Metrics {
            enabled = enabled != null && enabled;
            host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
            port = port == null ? DEFAULT_PORT : port;
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("metrics.port must be between 0 and 65535, got: " + port);
            }
        }
    }

    /**
     * Where the node keeps its data: {@code url} absent means the embedded SQLite file in the data
     * folder; {@code postgresql://user:password@host:port/database} (or a {@code jdbc:postgresql:}
     * address) means that PostgreSQL database, which several node processes may share.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Storage(String url) {
        public Storage {
            url = url == null || url.isBlank() ? null : url.strip();
            if (url != null && !url.startsWith("postgresql://") && !url.startsWith("postgres://")
                    && !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("storage.url must be a postgresql:// or jdbc:postgresql: address"
                        + " (leave it out for the embedded SQLite file)");
            }
        }
    }

    /**
     * Content warnings: the {@code topics} suggested in every compose form, which readers may also
     * choose to see unfolded (a warning that is not one of them always stays folded). Each topic is a
     * short phrase without commas (a warning "loss, abuse" names two topics).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ContentWarnings(List<String> topics) {
        public static final List<String> DEFAULT_TOPICS =
                List.of("self-harm", "suicide", "abuse", "loss", "substance use", "eating");
        private static final int MAX_TOPICS = 40;
        private static final int MAX_TOPIC_CHARS = 60;

        public ContentWarnings {
            List<String> kept = new java.util.ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String topic : topics == null ? DEFAULT_TOPICS : topics) {
                String text = topic == null ? "" : topic.strip().replaceAll("\\s+", " ");
                if (text.isEmpty() || text.length() > MAX_TOPIC_CHARS || text.matches(".*[,;/].*")) {
                    throw new IllegalArgumentException("contentWarnings.topics: each topic is 1-" + MAX_TOPIC_CHARS
                            + " characters without , ; or /, got: '" + topic + "'");
                }
                if (seen.add(text.toLowerCase(java.util.Locale.ROOT))) {
                    kept.add(text);
                }
            }
            if (kept.size() > MAX_TOPICS) {
                throw new IllegalArgumentException("contentWarnings.topics: at most " + MAX_TOPICS + " topics");
            }
            topics = List.copyOf(kept);
        }
    }

    /**
     * The gentle note shown after she posts words that match one of {@code phrases} (compared
     * without case or accents, as whole words). Off unless {@code enabled} is true; enabled
     * with no phrases is a mistake the operator should hear about at start.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CrisisNote(Boolean enabled, List<String> phrases) {
        public CrisisNote {
            enabled = enabled != null && enabled;
            phrases = phrases == null ? List.of() : phrases.stream()
                    .filter(Objects::nonNull).map(String::strip).filter(p -> !p.isEmpty()).toList();
            if (enabled && phrases.isEmpty()) {
                throw new IllegalArgumentException("crisisNote is enabled but lists no phrases");
            }
        }
    }

    /**
     * Blocklist subscriptions: {@code refreshMinutes} is how often each subscribed list is fetched
     * (default 60; the console's "refresh now" does not wait for it).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Blocklists(Integer refreshMinutes) {
        public Blocklists {
            refreshMinutes = refreshMinutes == null ? 60 : refreshMinutes;
            if (refreshMinutes < 1 || refreshMinutes > 7 * 24 * 60) {
                throw new IllegalArgumentException("blocklists.refreshMinutes must be between 1 and 10080, got: "
                        + refreshMinutes);
            }
        }
    }

    /**
     * How the node federates. {@code follow} lists remote circles ("perinatal@a.example") the node
     * follows from its start; {@code allowPrivateAddresses} lets it contact loopback and private
     * addresses, for local testing only. {@code mode} is {@code open} (the default: every server
     * but blocked ones) or {@code allowlist} (only the {@code allow} domains and their subdomains,
     * the node's partners). {@code inboxLimit} bounds how fast any one server may deliver;
     * {@code delivery} says how this node sends, retries and gives up ({@link DeliverySettings}).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Federation(Boolean allowPrivateAddresses, List<String> follow, String mode, List<String> allow,
                             InboxLimit inboxLimit, DeliverySettings delivery) {
        public static final String OPEN = "open";
        public static final String ALLOWLIST = "allowlist";

        public Federation {
            allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
            follow = follow == null ? List.of() : List.copyOf(follow);
            for (String handle : follow) {
                if (!handle.matches("[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                    throw new IllegalArgumentException("federation.follow entries look like circle@host, got: " + handle);
                }
            }
            mode = mode == null || mode.isBlank() ? OPEN : mode.strip().toLowerCase(java.util.Locale.ROOT);
            if (!mode.equals(OPEN) && !mode.equals(ALLOWLIST)) {
                throw new IllegalArgumentException("federation.mode is open or allowlist, got: " + mode);
            }
            List<String> domains = new java.util.ArrayList<>();
            for (String domain : allow == null ? List.<String>of() : allow) {
                try {
                    domains.add(hearth.federation.blocklist.Domains.normalize(domain));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("federation.allow: " + bad.getMessage());
                }
            }
            allow = List.copyOf(domains);
            inboxLimit = inboxLimit == null ? new InboxLimit(null, null) : inboxLimit;
            delivery = delivery == null ? DeliverySettings.DEFAULT : delivery;
        }

        /** True when the node federates only with the allow-listed domains. */
        public boolean allowlistMode() {
            return mode.equals(ALLOWLIST);
        }
    }

    /**
     * How many activities one remote server (the host of the key that signs them) may deliver to
     * this node's inboxes: {@code perSecond} on average (default 50), with bursts of up to
     * {@code burst} (default 200). Beyond that the inbox answers 429 with Retry-After, before it
     * reads the body or checks the signature, so a flood costs the node little and other servers
     * are not slowed.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record InboxLimit(Integer perSecond, Integer burst) {
        public static final int DEFAULT_PER_SECOND = 50;
        public static final int DEFAULT_BURST = 200;
        private static final int MOST = 1_000_000;

        public InboxLimit {
            perSecond = perSecond == null ? DEFAULT_PER_SECOND : perSecond;
            burst = burst == null ? DEFAULT_BURST : burst;
            if (perSecond < 1 || perSecond > MOST) {
                throw new IllegalArgumentException("federation.inboxLimit.perSecond must be between 1 and " + MOST
                        + ", got: " + perSecond);
            }
            if (burst < 1 || burst > MOST) {
                throw new IllegalArgumentException("federation.inboxLimit.burst must be between 1 and " + MOST
                        + ", got: " + burst);
            }
        }
    }

    /** The node's identity and house rules. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Node(String name, String description, List<String> languages, List<String> rules,
                       String exitUrl, String timeZone) {
        public Node {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("node.name is required");
            }
            description = description == null ? "" : description.strip();
            languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
            rules = rules == null ? List.of() : List.copyOf(rules);
            exitUrl = exitUrl == null || exitUrl.isBlank() ? "https://www.bbc.com/weather" : exitUrl.strip();
            if (!exitUrl.startsWith("https://") && !exitUrl.startsWith("http://")) {
                throw new IllegalArgumentException("node.exitUrl must be an http(s) address, got: " + exitUrl);
            }
            timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip();
            ZoneId.of(timeZone); // fail at start, not on the first page view
        }

        public ZoneId zone() {
            return ZoneId.of(timeZone);
        }
    }

    /** A service she can reach when she is in danger; every field but the name is optional. */
    public record CrisisResource(String name, String phone, String text, String hours, String url) {
        public CrisisResource {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every crisis resource needs a name");
            }
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("crisis resource url must be http(s): " + url);
            }
        }
    }

    /** A circle the node should have. */
    public record CircleSeed(String name, String title, String description) {
        public CircleSeed {
            if (name == null || !CIRCLE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("circle name '" + name
                        + "' must be 1-40 lowercase letters, digits, '-' or '_'");
            }
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("circle '" + name + "' needs a title");
            }
            description = description == null ? "" : description.strip();
        }
    }
}
