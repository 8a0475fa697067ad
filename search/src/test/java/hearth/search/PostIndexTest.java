package hearth.search;

import static hearth.search.Posts.ids;
import static hearth.search.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostIndexTest {

    @TempDir Path dir;

    private static List<String> search(PostIndex index, String text) throws IOException {
        return ids(index.search(SearchQuery.of(text)));
    }

    @Test
    void deleteTakesEffectAfterRefreshNow() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            index.upsert(post("p1").body("panic attacks at work").build());
            index.refreshNow();
            assertEquals(List.of("p1"), search(index, "panic"));

            index.delete("p1");
            index.refreshNow();
            assertEquals(List.of(), search(index, "panic"));
        }
    }

    @Test
    void upsertReplacesThePostWithTheSameId() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            index.upsert(post("p1").body("first draft about panic").build());
            index.refreshNow();

            index.upsert(post("p1").body("edited to talk about grief").build());
            index.refreshNow();

            assertEquals(List.of(), search(index, "panic"));
            assertEquals(List.of("p1"), search(index, "grief"));
            assertEquals(1, index.search(SearchQuery.of("edited")).totalHits());
        }
    }

    @Test
    void upsertBecomesVisibleWithinASecondWithoutRefreshNow() throws Exception {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            index.upsert(post("seed").body("something to open a searcher").build());
            index.refreshNow();
            long start = System.nanoTime();

            index.upsert(post("fresh").body("lonely evenings").build());
            boolean seen = false;
            long deadline = start + 2_000_000_000L;
            while (!seen && System.nanoTime() < deadline) {
                seen = search(index, "lonely").contains("fresh");
                if (!seen) {
                    Thread.sleep(20);
                }
            }

            // The refresh thread reopens every 0.5 s, so this takes about that long; the loop
            // allows 2 s so that a busy machine does not make the test flaky.
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(seen, "not visible after " + millis + " ms");
            System.out.println("upsert visible without refreshNow after " + millis + " ms");
        }
    }

    @Test
    void newIndexHasCommittedSequenceZero() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en", "es"))) {
            assertEquals(0, index.committedSequence());
        }
    }

    @Test
    void committedSequenceAndPostsSurviveCloseAndReopen() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en", "es"))) {
            index.upsert(post("p1").body("postpartum rage").build());
            index.upsert(post("p2").body("rage and guilt").build());
            index.commit(42);
            assertEquals(42, index.committedSequence());
        }

        try (PostIndex index = PostIndex.open(dir, List.of("en", "es"))) {
            assertEquals(42, index.committedSequence());
            assertEquals(2, index.search(SearchQuery.of("rage")).totalHits());
        }
    }

    @Test
    void commitIsDurableWithoutAClose() throws IOException {
        Path crashed = dir.resolve("crashed");
        try (PostIndex index = PostIndex.open(dir.resolve("live"), List.of("en"))) {
            index.upsert(post("p1").body("postpartum rage").build());
            index.commit(7);
            index.upsert(post("p2").body("rage, never committed").build());
            copy(dir.resolve("live"), crashed); // the disk as a crash right now would leave it
        }

        try (PostIndex index = PostIndex.open(crashed, List.of("en"))) {
            assertEquals(7, index.committedSequence());
            assertEquals(List.of("p1"), search(index, "rage"));
        }
    }

    @Test
    void closeKeepsChangesButNotAnUncommittedSequence() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            index.upsert(post("p1").body("tired").build());
            index.commit(5);
            index.upsert(post("p2").body("tired too").build());
        }

        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            assertEquals(5, index.committedSequence()); // replaying from 5 re-applies p2: harmless
            assertEquals(2, index.search(SearchQuery.of("tired")).totalHits());
        }
    }

    @Test
    void deleteAllEmptiesTheIndex() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            index.upsert(post("p1").body("tired").build());
            index.upsert(post("p2").body("tired too").build());
            index.commit(9);

            index.deleteAll();
            index.refreshNow();

            assertEquals(SearchResults.empty(), index.search(SearchQuery.of("tired")));
        }
    }

    @Test
    void deleteAllThenCloseRestartsTheCatchUpFromZero() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            index.upsert(post("p1").body("tired").build());
            index.commit(9);
            index.deleteAll();
        }

        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            assertEquals(0, index.committedSequence());
        }
    }

    @Test
    void changedLanguagesEmptyTheIndexForARebuild() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            index.upsert(post("p1").body("tired").build());
            index.commit(12);
        }

        try (PostIndex index = PostIndex.open(dir, List.of("en", "es"))) {
            assertEquals(0, index.committedSequence());
            assertEquals(List.of(), search(index, "tired"));
        }
    }

    @Test
    void negativeSequenceIsRefused() throws IOException {
        try (PostIndex index = PostIndex.open(dir, List.of("en"))) {
            assertThrows(IllegalArgumentException.class, () -> index.commit(-1));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
