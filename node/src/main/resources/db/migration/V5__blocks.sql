-- Blocks: domains and single remote actors this node limits or refuses, and the history of the
-- entries it publishes in its signed blocklist feed (/blocklist.json).

-- A domain block covers the domain and its subdomains. domain is normalized (lower case, punycode).
-- severity: noop | silence | filter | suspend. shared: published in the feed.
-- private_comment is for this node's moderators only and is never published or exported.
CREATE TABLE domain_block (
    domain           VARCHAR(260)  NOT NULL PRIMARY KEY,
    severity         VARCHAR(10)   NOT NULL,
    reject_media     BOOLEAN       NOT NULL,
    reject_reports   BOOLEAN       NOT NULL,
    public_comment   VARCHAR(1000) NOT NULL,
    private_comment  VARCHAR(2000) NOT NULL,
    obfuscate        BOOLEAN       NOT NULL,
    shared           BOOLEAN       NOT NULL,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL
);

-- One remote actor, whatever its domain's entry says.
CREATE TABLE actor_block (
    actor_uri   VARCHAR(500)  NOT NULL PRIMARY KEY,
    severity    VARCHAR(10)   NOT NULL,
    comments    VARCHAR(2000) NOT NULL,
    created_at  BIGINT        NOT NULL
);

-- Every target the feed has ever published, as last published. A lift of a published entry is
-- kept as a retraction (retracted = TRUE) with a new sequence number: subscribers that fetch
-- ?since=N learn that it was lifted instead of seeing it silently disappear.
-- flags: comma-separated (reject_media, reject_reports); labels: comma-separated.
CREATE TABLE blocklist_published (
    target         VARCHAR(500)  NOT NULL PRIMARY KEY,
    kind           VARCHAR(10)   NOT NULL,
    severity       VARCHAR(10)   NOT NULL,
    flags          VARCHAR(100)  NOT NULL,
    labels         VARCHAR(500)  NOT NULL,
    public_reason  VARCHAR(1000) NOT NULL,
    first_changed  BIGINT        NOT NULL,
    last_changed   BIGINT        NOT NULL,
    sequence       BIGINT        NOT NULL,
    retracted      BOOLEAN       NOT NULL
);
CREATE INDEX blocklist_published_by_sequence ON blocklist_published (sequence);

-- version: bumped by every change to blocks, so a running node notices a change made by another
-- process (the admin CLI) and rebuilds its in-memory view. feed_sequence: the feed's last number.
CREATE TABLE block_counter (
    id             INTEGER NOT NULL PRIMARY KEY,
    version        BIGINT  NOT NULL,
    feed_sequence  BIGINT  NOT NULL
);
INSERT INTO block_counter (id, version, feed_sequence) VALUES (1, 0, 0);

-- Silence, kept on the rows the public listings and search read: a silenced domain's threads and
-- posts in this node's circles are left out of listings and search but stay readable by link.
ALTER TABLE thread ADD COLUMN silenced BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE post ADD COLUMN silenced BOOLEAN NOT NULL DEFAULT FALSE;
