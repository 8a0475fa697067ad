package hearth.node.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How often one visitor may post, report and search. Each is a {@link Rate}, counted in memory
 * under a keyed hash of the connection's address (nothing is stored); posting is also counted per
 * author cookie, so one browser cannot flood even when every visitor shares one address (behind a
 * proxy or Tor, the address limits count the whole node). Missing figures take the defaults:
 *
 * <pre>
 * limits:
 *   posts:          {perMinute: 10, burst: 30}   # new threads, replies and edits, per address
 *   postsPerAuthor: {perMinute: 4,  burst: 12}   # the same, per author cookie
 *   reports:        {perMinute: 6,  burst: 20}   # per address
 *   searches:       {perMinute: 30, burst: 60}   # per address
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Limits(Rate posts, Rate postsPerAuthor, Rate reports, Rate searches) {

    public static final Rate DEFAULT_POSTS = new Rate(10, 30);
    public static final Rate DEFAULT_POSTS_PER_AUTHOR = new Rate(4, 12);
    public static final Rate DEFAULT_REPORTS = new Rate(6, 20);
    public static final Rate DEFAULT_SEARCHES = new Rate(30, 60);

    public Limits {
        posts = checked("posts", posts, DEFAULT_POSTS);
        postsPerAuthor = checked("postsPerAuthor", postsPerAuthor, DEFAULT_POSTS_PER_AUTHOR);
        reports = checked("reports", reports, DEFAULT_REPORTS);
        searches = checked("searches", searches, DEFAULT_SEARCHES);
    }

    /** Every limit at its default. */
    public static Limits defaults() {
        return new Limits(null, null, null, null);
    }

    /** {@code perMinute} tokens earned back a minute, up to {@code burst} spent at once. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Rate(Integer perMinute, Integer burst) {
    }

    private static final int MOST = 1_000_000;

    private static Rate checked(String name, Rate rate, Rate fallback) {
        if (rate == null) {
            return fallback;
        }
        int perMinute = rate.perMinute() == null ? fallback.perMinute() : rate.perMinute();
        int burst = rate.burst() == null ? fallback.burst() : rate.burst();
        if (perMinute < 1 || perMinute > MOST) {
            throw new IllegalArgumentException("limits." + name + ".perMinute must be between 1 and " + MOST
                    + ", got: " + perMinute);
        }
        if (burst < 1 || burst > MOST) {
            throw new IllegalArgumentException("limits." + name + ".burst must be between 1 and " + MOST
                    + ", got: " + burst);
        }
        return new Rate(perMinute, burst);
    }
}
