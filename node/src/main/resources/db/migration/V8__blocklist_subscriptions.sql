-- Blocklist subscriptions: other nodes' signed feeds and plain Mastodon CSV lists this node
-- follows, what each lists now, how their entries are weighed, which applied blocks they caused,
-- and the entries held for a moderator's review.

-- A source. kind: hearth (a signed /blocklist.json feed) | csv (a Mastodon domain-block CSV).
-- last_sequence is the feed's change number at the last accepted fetch (0 for csv and before the
-- first); last_error is why the last fetch failed or was refused (null when it went well).
CREATE TABLE blocklist_source (
    id               VARCHAR(26)   NOT NULL PRIMARY KEY,
    url              VARCHAR(500)  NOT NULL UNIQUE,
    kind             VARCHAR(10)   NOT NULL,
    trust            DOUBLE PRECISION NOT NULL,
    last_sequence    BIGINT        NOT NULL DEFAULT 0,
    last_fetched_at  BIGINT,
    last_error       VARCHAR(500),
    created_at       BIGINT        NOT NULL
);

-- What a source lists now (retracted entries are deleted, not kept).
CREATE TABLE blocklist_source_entry (
    source_id       VARCHAR(26)   NOT NULL REFERENCES blocklist_source (id) ON DELETE CASCADE,
    domain          VARCHAR(260)  NOT NULL,
    severity        VARCHAR(10)   NOT NULL,
    reject_media    BOOLEAN       NOT NULL,
    reject_reports  BOOLEAN       NOT NULL,
    public_comment  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (source_id, domain)
);

-- How sources are weighed: one row. threshold_kind count | percent; merge max | min;
-- max_new_blocks: a refresh that would add more new blocks than this holds them all for review.
CREATE TABLE blocklist_policy (
    id              INTEGER          NOT NULL PRIMARY KEY CHECK (id = 1),
    threshold_kind  VARCHAR(10)      NOT NULL,
    threshold_value DOUBLE PRECISION NOT NULL,
    merge           VARCHAR(3)       NOT NULL,
    max_new_blocks  INTEGER          NOT NULL
);
INSERT INTO blocklist_policy (id, threshold_kind, threshold_value, merge, max_new_blocks)
VALUES (1, 'count', 2, 'max', 200);

-- Which sources caused a block applied from subscriptions, and what was applied (severity and
-- flags): a block whose current form differs from what was applied was changed by a moderator and
-- is hers from then on. approved: a moderator applied it from the review queue (it is lifted only
-- once none of these sources lists it, not when the threshold is missed). No foreign key on
-- source_id: a removed source's rows say what it caused until the block is lifted.
CREATE TABLE block_provenance (
    domain          VARCHAR(260) NOT NULL,
    source_id       VARCHAR(26)  NOT NULL,
    applied_at      BIGINT       NOT NULL,
    severity        VARCHAR(10)  NOT NULL,
    reject_media    BOOLEAN      NOT NULL,
    reject_reports  BOOLEAN      NOT NULL,
    approved        BOOLEAN      NOT NULL,
    PRIMARY KEY (domain, source_id)
);

-- Entries held for a moderator: not agreed by enough trusted sources, or stopped by a guard.
-- sources: the listing sources' ids, comma-separated. state: pending | approved | rejected |
-- withdrawn (no source lists it any more, or it was applied on its own).
CREATE TABLE blocklist_review (
    id              VARCHAR(26)   NOT NULL PRIMARY KEY,
    domain          VARCHAR(260)  NOT NULL,
    severity        VARCHAR(10)   NOT NULL,
    reject_media    BOOLEAN       NOT NULL,
    reject_reports  BOOLEAN       NOT NULL,
    public_comment  VARCHAR(1000) NOT NULL,
    sources         VARCHAR(2000) NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    created_at      BIGINT        NOT NULL,
    state           VARCHAR(10)   NOT NULL,
    decided_at      BIGINT
);
CREATE INDEX blocklist_review_by_state ON blocklist_review (state, created_at);
CREATE INDEX blocklist_review_by_domain ON blocklist_review (domain);
