package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import hearth.federation.keys.Ed25519Keys;
import hearth.federation.keys.RsaKeys;
import hearth.node.TestNode;
import hearth.node.store.Backend;
import hearth.node.store.Database;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** An actor's keys are made when first needed, RSA only when asked for, and kept for good. */
@ParameterizedClass
@EnumSource(Backend.class)
class ActorKeysTest {

    @Parameter
    Backend backend;

    private Database db;

    @BeforeEach
    void open() {
        db = backend.open();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPseudonymWhoseObjectsAreOnlySignedGetsNoRsaPair() {
        String path = ActorKeys.pseudonymPath("p-1");
        KeyPair ed = new ActorKeys(db, Clock.systemUTC()).ed25519(path);

        assertNotNull(ed.getPrivate());
        assertNotNull(storedEd(path));
        assertNull(storedRsaPublic(path), "a 2048-bit RSA pair was made although nothing asked for one");
    }

    @Test
    void anRsaPairAskedForLaterIsAddedBesideTheEd25519PairAndKept() {
        String path = ActorKeys.pseudonymPath("p-2");
        assertNull(storedRsaPublic(path));
        ActorKeys keys = new ActorKeys(db, Clock.systemUTC());
        KeyPair ed = keys.ed25519(path);
        KeyPair rsa = keys.rsa(path);

        assertNotNull(storedRsaPublic(path));
        ActorKeys afterRestart = new ActorKeys(db, Clock.systemUTC());
        assertArrayEquals(rsa.getPublic().getEncoded(), afterRestart.rsa(path).getPublic().getEncoded());
        assertArrayEquals(ed.getPublic().getEncoded(), afterRestart.ed25519(path).getPublic().getEncoded());
        assertArrayEquals(rsa.getPublic().getEncoded(), keys.rsa(path).getPublic().getEncoded());
    }

    @Test
    void aCircleGetsBothPairsAtOnceBecauseItSignsEveryDelivery() {
        String path = ActorKeys.circlePath("gentle");
        new ActorKeys(db, Clock.systemUTC()).ed25519(path);
        assertNotNull(storedRsaPublic(path));
    }

    @Test
    void twoProcessesAskingForTheSameActorsRsaPairAgreeOnOne() {
        String path = ActorKeys.pseudonymPath("p-3");
        ActorKeys one = new ActorKeys(db, Clock.systemUTC());
        ActorKeys other = new ActorKeys(db, Clock.systemUTC());
        one.ed25519(path);
        other.ed25519(path);

        KeyPair first = one.rsa(path);
        KeyPair second = other.rsa(path);
        assertArrayEquals(first.getPublic().getEncoded(), second.getPublic().getEncoded());
    }

    @Test
    void deliveriesAskingAtOnceForANewPseudonymsRsaPairMakeOneBetweenThem() throws Exception {
        String path = ActorKeys.pseudonymPath("p-4");
        AtomicInteger made = new AtomicInteger();
        ActorKeys keys = new ActorKeys(db, Clock.systemUTC(), () -> {
            made.incrementAndGet();
            return RsaKeys.generate();
        });
        keys.ed25519(path);
        int deliveries = 16;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<KeyPair>> asked = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(deliveries)) {
            for (int i = 0; i < deliveries; i++) {
                asked.add(senders.submit(() -> {
                    go.await();
                    return keys.rsa(path);
                }));
            }
            go.countDown();
            for (Future<KeyPair> pair : asked) {
                assertArrayEquals(asked.getFirst().get().getPublic().getEncoded(), pair.get().getPublic().getEncoded());
            }
        }
        assertEquals(1, made.get(), "RSA pairs made for one pseudonym by 16 deliveries at once");
    }

    @Test
    void keysMadeBeforeRsaBecameLazyAreKeptByTheMigration() throws Exception {
        if (backend != Backend.SQLITE) {
            return;   // the migration is the same SQL on both; one old file is enough to show it
        }
        Path file = TestNode.freshDataFolder().resolve("old.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration").target("11").load().migrate();
        KeyPair rsa = RsaKeys.generate();
        KeyPair ed = Ed25519Keys.generate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement s = c.prepareStatement("INSERT INTO actor_key VALUES ('node', ?, ?, ?, ?, 1)")) {
            s.setString(1, RsaKeys.privatePem(rsa.getPrivate()));
            s.setString(2, RsaKeys.publicPem(rsa.getPublic()));
            s.setString(3, Base64.getEncoder().encodeToString(
                    Ed25519Keys.privateToBytes(ed.getPrivate())));
            s.setString(4, Base64.getEncoder().encodeToString(
                    Ed25519Keys.rawPublic(ed.getPublic())));
            s.executeUpdate();
        }
        try (Database migrated = Database.sqlite(file)) {
            ActorKeys keys = new ActorKeys(migrated, Clock.systemUTC());
            assertArrayEquals(rsa.getPublic().getEncoded(), keys.rsa(ActorKeys.nodePath()).getPublic().getEncoded());
            assertArrayEquals(ed.getPublic().getEncoded(), keys.ed25519(ActorKeys.nodePath()).getPublic().getEncoded());
        }
    }

    private String storedRsaPublic(String path) {
        return column("rsa_public", path);
    }

    private String storedEd(String path) {
        return column("ed_public", path);
    }

    private String column(String column, String path) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM actor_key WHERE actor_path = ?")) {
                s.setString(1, path);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }
}
