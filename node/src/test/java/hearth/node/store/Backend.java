package hearth.node.store;

import hearth.node.TestNode;

/**
 * The two stores a contract test runs against. Parameterise a test class over them with
 * {@code @ParameterizedClass @EnumSource(Backend.class)} and a {@code @Parameter Backend backend}
 * field, then open each test's database with {@link #open()}.
 */
public enum Backend {
    SQLITE,
    POSTGRES;

    /** A new, empty database with Hearth's schema: a fresh SQLite file, or a fresh PostgreSQL database. */
    public Database open() {
        return switch (this) {
            case SQLITE -> Database.sqlite(TestNode.freshDataFolder().resolve("hearth.db"));
            case POSTGRES -> Database.postgres(PgServer.shared().freshDatabase());
        };
    }
}
