package hearth.search;

import static hearth.search.Posts.ids;
import static hearth.search.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelevanceTest {

    @TempDir Path dir;
    PostIndex index;

    @BeforeEach
    void open() throws IOException {
        index = PostIndex.open(dir, List.of("en", "es"));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private void add(Posts... posts) throws IOException {
        for (Posts p : posts) {
            index.upsert(p.build());
        }
        index.refreshNow();
    }

    private List<String> search(String text) throws IOException {
        return ids(index.search(SearchQuery.of(text)));
    }

    @Test
    void titleMatchRanksAboveBodyOnlyMatch() throws IOException {
        add(
                post("body").title("Evenings are hard").body("I feel so much insomnia at night lately"),
                post("title").title("Insomnia after birth").body("Every evening is hard for me"));

        assertEquals(List.of("title", "body"), search("insomnia"));
    }

    @Test
    void replyIsFoundByItsOwnWordsNotByItsThreadsTitle() throws IOException {
        add(
                post("opening").thread("t1", true).title("Insomnia again").body("Three weeks now."),
                post("reply").thread("t1", false).title("Insomnia again").body("Same here, it passes."));

        assertEquals(List.of("opening"), search("insomnia"));
        SearchHit reply = index.search(SearchQuery.of("passes")).hits().getFirst();
        assertEquals("Insomnia again", reply.titleHtml());
    }

    @Test
    void recencyDoesNotBeatAClearlyBetterMatch() throws IOException {
        add(
                post("old-title").title("Insomnia").body("nothing else to say").daysAgo(900),
                post("new-body").title("Today").body("some insomnia maybe").daysAgo(0));

        assertEquals(List.of("old-title", "new-body"), search("insomnia"));
    }

    @Test
    void recencyOrdersEqualMatches() throws IOException {
        add(
                post("older").title("Night feeds").body("so tired tonight").daysAgo(200),
                post("newer").title("Night feeds").body("so tired tonight").daysAgo(2));

        assertEquals(List.of("newer", "older"), search("tired"));
    }

    @Test
    void quotedPhraseMatchesOnlyThePhrase() throws IOException {
        add(
                post("phrase").body("Since the baby came I can't sleep at all"),
                post("apart").body("I sleep fine, but I can't stop worrying"));

        assertEquals(List.of("phrase"), search("\"can't sleep\""));
        assertEquals(Set.of("phrase", "apart"), new HashSet<>(search("can't sleep")));
    }

    @Test
    void moreWordsNarrowTheResults() throws IOException {
        add(
                post("both").body("the anxiety and the crying"),
                post("one").body("the anxiety is constant"));

        assertEquals(Set.of("both", "one"), new HashSet<>(search("anxiety")));
        assertEquals(List.of("both"), search("anxiety crying"));
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() throws IOException {
        add(
                post("sleep").body("I just want to sleep"),
                post("baby").body("My baby cries every evening"));

        assertEquals(List.of("sleep"), search("sleeping"));
        assertEquals(List.of("baby"), search("babies"));
    }

    @Test
    void spanishStemmingFindsPluralsAndUnaccentedSpellings() throws IOException {
        add(
                post("madre").body("Soy madre primeriza y me siento sola").language("es"),
                post("sueno").body("Tengo un sueño recurrente").language("es"),
                post("depresion").body("Creo que tengo depresión posparto").language("es"),
                post("ansiosa").body("Me siento ansiosa todo el día").language("es"));

        assertEquals(List.of("madre"), search("madres"));
        assertEquals(List.of("sueno"), search("sueños"));
        assertEquals(List.of("depresion"), search("depresion"));
        assertEquals(List.of("ansiosa"), search("ansiosas"));
    }

    @Test
    void spanishStopWordsDoNotHaveToAppearInThePost() throws IOException {
        add(post("dormir").title("Insomnio").body("Desde el parto puedo dormir muy poco").language("es"));

        // "no" is a Spanish stop word: the Spanish reading drops it, so the post still matches.
        assertEquals(List.of("dormir"), search("no puedo dormir"));
    }

    @Test
    void englishStopWordsDoNotBreakAQuery() throws IOException {
        add(post("tired").body("Exhausted every single day"));

        assertEquals(List.of("tired"), search("the exhausted"));
        assertEquals(List.of("tired"), search("exhausted is it"));
    }

    @Test
    void postOfUnknownLanguageIsStemmedInEveryConfiguredLanguage() throws IOException {
        add(post("mixed").body("babies y madres").language(null));

        assertEquals(List.of("mixed"), search("baby"));
        assertEquals(List.of("mixed"), search("madre"));
    }

    @Test
    void newestOrderPutsTheNewestPostFirst() throws IOException {
        add(
                post("middle").title("Anxiety").body("anxiety anxiety anxiety").daysAgo(5),
                post("newest").body("a little anxiety").daysAgo(1),
                post("oldest").body("anxiety").daysAgo(30));

        SearchQuery query = SearchQuery.of("anxiety").ordered(SearchQuery.Order.NEWEST);
        assertEquals(List.of("newest", "middle", "oldest"), ids(index.search(query)));
    }

    @Test
    void circleFilterKeepsOnlyThatCircle() throws IOException {
        add(
                post("pregnancy").circle("pregnancy").body("worried about the scan"),
                post("loss").circle("loss").body("worried all the time"));

        assertEquals(List.of("loss"), ids(index.search(SearchQuery.of("worried").inCircle("loss"))));
        assertEquals(List.of(), ids(index.search(SearchQuery.of("worried").inCircle("nowhere"))));
    }

    @Test
    void localOnlyKeepsOnlyPostsWrittenHere() throws IOException {
        add(
                post("here").body("a good day for once"),
                post("there").origin("hearth.example.org").body("a good day at last"));

        assertEquals(Set.of("here", "there"), new HashSet<>(search("good day")));
        assertEquals(List.of("here"), ids(index.search(SearchQuery.of("good day").localOnly(true))));
    }

    @Test
    void hitCarriesThePostsDetails() throws IOException {
        add(
                post("reply")
                        .thread("thread-7", false)
                        .circle("sleep")
                        .origin("hearth.example.org")
                        .title("Night")
                        .body("still awake")
                        .createdAt(1_700_000_000_000L));

        SearchHit hit = index.search(SearchQuery.of("awake")).hits().getFirst();
        assertEquals(
                new SearchHit(
                        "reply", "thread-7", "sleep", "Night", "still <mark>awake</mark>", "Quiet Fern",
                        false, 1_700_000_000_000L, "hearth.example.org"),
                hit);
    }

    @Test
    void exclusionRemovesPosts() throws IOException {
        add(post("calm").body("feeling calm today"), post("both").body("calm but tearful"));

        assertEquals(List.of("calm"), search("calm -tearful"));
        assertTrue(search("tearful").contains("both"));
    }
}
