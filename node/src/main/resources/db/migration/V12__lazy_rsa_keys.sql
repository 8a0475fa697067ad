-- An actor's RSA pair (HTTP signatures, the actor document's publicKey) is now made only when
-- something asks for it; its Ed25519 pair (object proofs) is cheap and made with the row. A
-- pseudonym that posts only in this node's circles, whose activities the circle signs, never
-- needs RSA at all, and making a 2048-bit pair costs more CPU than the rest of her post.
CREATE TABLE actor_key_new (
    actor_path   VARCHAR(120) NOT NULL PRIMARY KEY,
    rsa_private  TEXT,
    rsa_public   TEXT,
    ed_private   TEXT         NOT NULL,
    ed_public    TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL
);
INSERT INTO actor_key_new (actor_path, rsa_private, rsa_public, ed_private, ed_public, created_at)
    SELECT actor_path, rsa_private, rsa_public, ed_private, ed_public, created_at FROM actor_key;
DROP TABLE actor_key;
ALTER TABLE actor_key_new RENAME TO actor_key;
