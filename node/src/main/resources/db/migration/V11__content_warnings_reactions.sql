-- Content warnings and support reactions.

-- What readers see before they choose to open a post. NULL: no warning. '': another server marked
-- the post sensitive without saying why (pages show a general warning in the reader's language).
-- Otherwise her words, at most 100 characters (a remote warning is cut to that length).
ALTER TABLE post ADD COLUMN content_warning VARCHAR(200);

-- Support reactions ("sending support", "me too", "thank you"): one of each kind per woman per post.
-- reactor is HMAC(key derived from the node secret, author id and post id): the same woman has a
-- different reactor on every post, so rows can be neither joined across posts nor traced back to
-- her, yet she can take her own reaction back. created_day is whole days since 1970 (UTC), coarse on
-- purpose. Reactions are never federated and take no change number: they change nothing that other
-- servers or the search index see.
CREATE TABLE reaction (
    post_id      VARCHAR(26) NOT NULL REFERENCES post (id),
    kind         VARCHAR(16) NOT NULL,
    reactor      VARCHAR(64) NOT NULL,
    created_day  INTEGER     NOT NULL,
    PRIMARY KEY (post_id, kind, reactor)
);
