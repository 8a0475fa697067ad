-- Federation: this node's actor keys, what it knows of remote actors, who follows whom,
-- where remote threads and posts came from, the durable outbox and the inbox queue.

-- Keys of this node's actors (the node, each circle, each pseudonym that has federated).
-- Created the first time an actor needs to sign; private keys never leave the store.
CREATE TABLE actor_key (
    actor_path   VARCHAR(120) NOT NULL PRIMARY KEY,
    rsa_private  TEXT         NOT NULL,
    rsa_public   TEXT         NOT NULL,
    ed_private   TEXT         NOT NULL,
    ed_public    TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL
);

-- Actors on other servers, as last fetched: where to deliver and which keys to check.
CREATE TABLE remote_actor (
    uri           VARCHAR(500) NOT NULL PRIMARY KEY,
    host          VARCHAR(255) NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    handle        VARCHAR(200),
    display_name  VARCHAR(200),
    inbox         VARCHAR(500) NOT NULL,
    shared_inbox  VARCHAR(500),
    outbox        VARCHAR(500),
    followers     VARCHAR(500),
    key_id        VARCHAR(500),
    public_key    TEXT,
    multikeys     TEXT,
    fetched_at    BIGINT       NOT NULL
);

-- Remote actors following a circle of this node.
CREATE TABLE circle_follower (
    circle_name  VARCHAR(40)  NOT NULL REFERENCES circle (name),
    actor_uri    VARCHAR(500) NOT NULL,
    inbox        VARCHAR(500) NOT NULL,
    follow_id    VARCHAR(500) NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (circle_name, actor_uri)
);

-- Remote circles this node follows; their threads are kept in a circle row of the same name.
CREATE TABLE followed_circle (
    circle_name   VARCHAR(300) NOT NULL PRIMARY KEY,
    actor_uri     VARCHAR(500) NOT NULL UNIQUE,
    follow_id     VARCHAR(500) NOT NULL,
    state         VARCHAR(12)  NOT NULL,
    requested_at  BIGINT       NOT NULL,
    answered_at   BIGINT
);

ALTER TABLE circle ADD COLUMN actor_uri VARCHAR(500);
ALTER TABLE thread ADD COLUMN ap_id VARCHAR(500);
ALTER TABLE thread ADD COLUMN context_uri VARCHAR(500);
CREATE UNIQUE INDEX thread_by_ap_id ON thread (ap_id);
CREATE UNIQUE INDEX thread_by_context ON thread (context_uri);
-- A remote post keeps its id, the post it answers, and the activity that brought it (to pass on).
ALTER TABLE post ADD COLUMN ap_id VARCHAR(500);
ALTER TABLE post ADD COLUMN in_reply_to VARCHAR(500);
ALTER TABLE post ADD COLUMN activity_json TEXT;
CREATE UNIQUE INDEX post_by_ap_id ON post (ap_id);
-- A remote pseudonym is a Person on another server.
ALTER TABLE pseudonym ADD COLUMN actor_uri VARCHAR(500);
CREATE UNIQUE INDEX pseudonym_by_actor ON pseudonym (actor_uri);

-- What followers were last told about each post, so a change is sent as Create, Update or Delete.
CREATE TABLE federated_post (
    post_id    VARCHAR(26) NOT NULL PRIMARY KEY,
    state      VARCHAR(12) NOT NULL,
    edited_at  BIGINT
);

-- Where the outbox has got to in the change sequence.
CREATE TABLE federation_cursor (
    name   VARCHAR(40) NOT NULL PRIMARY KEY,
    value  BIGINT      NOT NULL
);
INSERT INTO federation_cursor (name, value) VALUES ('outbox', 0);

-- One row per activity per receiving inbox. Survives restarts; retried with backoff, then given up.
CREATE TABLE delivery (
    id               VARCHAR(26)  NOT NULL PRIMARY KEY,
    host             VARCHAR(255) NOT NULL,
    inbox            VARCHAR(500) NOT NULL,
    activity_id      VARCHAR(500) NOT NULL,
    body             TEXT         NOT NULL,
    signer           VARCHAR(120) NOT NULL,
    state            VARCHAR(12)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  BIGINT       NOT NULL,
    last_error       VARCHAR(200),
    created_at       BIGINT       NOT NULL,
    finished_at      BIGINT
);
CREATE INDEX delivery_due ON delivery (state, next_attempt_at);
CREATE INDEX delivery_by_host ON delivery (state, host, next_attempt_at);
CREATE UNIQUE INDEX delivery_once ON delivery (activity_id, inbox);

-- Verified inbound activities: the queue the inbox hands to processing, and the record of
-- every activity id seen, so a replay is ignored.
CREATE TABLE inbox_item (
    id           VARCHAR(26)  NOT NULL PRIMARY KEY,
    activity_id  VARCHAR(500) NOT NULL UNIQUE,
    actor_uri    VARCHAR(500) NOT NULL,
    body         TEXT         NOT NULL,
    state        VARCHAR(12)  NOT NULL,
    received_at  BIGINT       NOT NULL
);
CREATE INDEX inbox_item_pending ON inbox_item (state, id);
