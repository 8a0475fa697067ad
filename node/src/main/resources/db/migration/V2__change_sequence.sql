-- Every change to a post (new, edited, deleted, its thread's title edited) takes the next number
-- of one counter, in the same transaction. The search index follows this sequence: it catches up
-- from the last number it committed, so it can always be rebuilt from the store.
-- The counter is one row: a writer holds its lock until commit, so numbers commit in order
-- (on PostgreSQL too), and a reader that has seen N has seen everything below N.

CREATE TABLE change_counter (
    id     INTEGER NOT NULL PRIMARY KEY,
    value  BIGINT  NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

ALTER TABLE post ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX post_by_change ON post (change_seq);
