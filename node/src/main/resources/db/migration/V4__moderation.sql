-- Moderation: moderator accounts (the only accounts in Hearth), posting policies, held and
-- removed posts, locked threads, reports, bans and the public moderation log.

CREATE TABLE moderator (
    id             VARCHAR(26)  NOT NULL PRIMARY KEY,
    name           VARCHAR(60)  NOT NULL UNIQUE,
    password_hash  VARCHAR(200) NOT NULL,
    admin          BOOLEAN      NOT NULL,
    -- Base32 TOTP secret once she has turned on the second factor; a pending one is kept apart.
    totp_secret    VARCHAR(64),
    totp_pending   VARCHAR(64),
    -- The last TOTP time step accepted, so a code is good once.
    totp_last_step BIGINT       NOT NULL DEFAULT 0,
    created_at     BIGINT       NOT NULL
);

CREATE TABLE moderator_circle (
    moderator_id  VARCHAR(26) NOT NULL REFERENCES moderator (id),
    circle_name   VARCHAR(40) NOT NULL REFERENCES circle (name),
    PRIMARY KEY (moderator_id, circle_name)
);

-- Only a hash of the session token is stored: a copy of the database does not let anyone in.
CREATE TABLE moderator_session (
    token_hash    VARCHAR(64) NOT NULL PRIMARY KEY,
    moderator_id  VARCHAR(26) NOT NULL REFERENCES moderator (id),
    created_at    BIGINT      NOT NULL,
    expires_at    BIGINT      NOT NULL
);
CREATE INDEX moderator_session_by_moderator ON moderator_session (moderator_id);

-- open | hold-first | hold-all
ALTER TABLE circle ADD COLUMN posting_policy VARCHAR(20) NOT NULL DEFAULT 'open';

-- A held post waits for a moderator: only its author and moderators see it.
ALTER TABLE post ADD COLUMN held BOOLEAN NOT NULL DEFAULT FALSE;
-- A post removed by moderators keeps its words (so it can be restored) but readers see only the reason.
ALTER TABLE post ADD COLUMN removed_at BIGINT;
ALTER TABLE post ADD COLUMN removed_reason VARCHAR(500);
CREATE INDEX post_held ON post (held, created_at);

-- A locked thread takes no more replies. A hidden thread (its opening post held or removed) is
-- left out of listings and search; its page still says why to whoever reaches it.
ALTER TABLE thread ADD COLUMN locked BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE thread ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;

-- A report names the post and why; never who sent it. origin is null for a reader of this node,
-- or the host of the node that forwarded it as a Flag.
CREATE TABLE report (
    id           VARCHAR(26)  NOT NULL PRIMARY KEY,
    post_id      VARCHAR(26)  NOT NULL REFERENCES post (id),
    reason       VARCHAR(30)  NOT NULL,
    comment      VARCHAR(2000) NOT NULL,
    origin       VARCHAR(255),
    created_at   BIGINT       NOT NULL,
    resolved_at  BIGINT,
    resolution   VARCHAR(20),
    -- A report on a post from another node is forwarded there (as a Flag from this node's actor).
    forwarded_at BIGINT
);
CREATE INDEX report_open ON report (resolved_at, created_at);
CREATE INDEX report_by_post ON report (post_id);

-- A ban is on the author behind a pseudonym (author_id, so it covers all her pseudonyms here),
-- or on a remote actor; circle_name null means the whole node; until_at null means for ever.
CREATE TABLE ban (
    id           VARCHAR(26)  NOT NULL PRIMARY KEY,
    author_id    VARCHAR(64),
    actor_uri    VARCHAR(500),
    circle_name  VARCHAR(40),
    pseudonym    VARCHAR(80)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    created_at   BIGINT       NOT NULL,
    until_at     BIGINT,
    lifted_at    BIGINT
);
CREATE INDEX ban_by_author ON ban (author_id);
CREATE INDEX ban_by_actor ON ban (actor_uri);

-- The public moderation log. target is what was acted on (a pseudonym, a thread title, a domain);
-- moderator_id stays inside the console and is never shown on the public page.
CREATE TABLE modlog (
    id            VARCHAR(26)  NOT NULL PRIMARY KEY,
    at            BIGINT       NOT NULL,
    circle_name   VARCHAR(40),
    action        VARCHAR(40)  NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    target        VARCHAR(500) NOT NULL,
    moderator_id  VARCHAR(26)
);
CREATE INDEX modlog_by_time ON modlog (at, id);
