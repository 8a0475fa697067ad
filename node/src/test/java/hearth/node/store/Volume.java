package hearth.node.store;

import java.sql.PreparedStatement;

/**
 * Fills a store quickly with many plausible threads and posts, straight through SQL in one
 * transaction (the forum's own path would commit each post on its own). For volume tests only.
 */
final class Volume {

    private Volume() {
    }

    /** Adds {@code posts} posts in threads of ten to circle {@code circle}, which must exist. */
    static void fill(Database db, String circle, int posts) {
        long now = System.currentTimeMillis();
        db.write(c -> {
            String author = null;
            String pseudonym = null;
            String thread = null;
            long seq;
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT value FROM change_counter WHERE id = 1")) {
                r.next();
                seq = r.getLong(1);
            }
            try (PreparedStatement a = c.prepareStatement("INSERT INTO author (id, created_at) VALUES (?, ?)");
                 PreparedStatement n = c.prepareStatement(
                         "INSERT INTO pseudonym (id, name, author_id, thread_id, created_at) VALUES (?, ?, ?, NULL, ?)");
                 PreparedStatement t = c.prepareStatement("INSERT INTO thread (id, circle_name, title, created_at,"
                         + " last_activity_at, reply_count, removed) VALUES (?, ?, ?, ?, ?, 9, FALSE)");
                 PreparedStatement p = c.prepareStatement("INSERT INTO post (id, thread_id, pseudonym_id, opening,"
                         + " source, html, created_at, change_seq, content_warning) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < posts; i++) {
                    if (i % 50 == 0) {
                        author = String.format("%064x", i);
                        a.setString(1, author);
                        a.setLong(2, now);
                        a.executeUpdate();
                        pseudonym = Ids.next();
                        n.setString(1, pseudonym);
                        n.setString(2, "Volume Person " + i);
                        n.setString(3, author);
                        n.setLong(4, now);
                        n.executeUpdate();
                    }
                    boolean opening = i % 10 == 0;
                    if (opening) {
                        thread = Ids.next();
                        t.setString(1, thread);
                        t.setString(2, circle);
                        t.setString(3, "Thread " + i + " — sleepless nights, ñ and 💜");
                        t.setLong(4, now + i);
                        t.setLong(5, now + i + 9);
                        t.executeUpdate();
                    }
                    String words = "Post " + i + ": some days are heavier than others; 'quotes', \"doubles\" and \\ too.";
                    p.setString(1, Ids.next());
                    p.setString(2, thread);
                    p.setString(3, pseudonym);
                    p.setBoolean(4, opening);
                    p.setString(5, words);
                    p.setString(6, "<p>" + words + "</p>");
                    p.setLong(7, now + i);
                    p.setLong(8, ++seq);
                    p.setString(9, i % 7 == 0 ? "loss" : null);
                    p.addBatch();
                    if (i % 1000 == 999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            try (var s = c.prepareStatement("UPDATE change_counter SET value = ? WHERE id = 1")) {
                s.setLong(1, seq);
                s.executeUpdate();
            }
            return null;
        });
    }
}
