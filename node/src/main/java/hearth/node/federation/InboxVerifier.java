package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Activities;
import hearth.federation.activity.Activity;
import hearth.federation.activity.Flag;
import hearth.federation.inbox.OriginRules;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.signature.HttpSignatures;
import hearth.federation.signature.SignatureClaim;
import hearth.federation.signature.SignatureProblem;
import hearth.federation.signature.SignedRequest;
import hearth.node.blocks.Blocks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an inbound activity must pass before anything is stored: an HTTP signature (draft-cavage
 * or RFC 9421) covering the request line, host, date and body digest, a date within the window,
 * a key that belongs to the activity's actor, well-formed JSON within limits, and the origin rules.
 * A failure is a {@link Rejected} with the HTTP status to answer. Thread-safe.
 */
public final class InboxVerifier {

    /** How far a request's date may be from this node's clock. */
    public static final Duration WINDOW = Duration.ofHours(1);

    /** An activity that passed; {@code activity} is empty for a kind Hearth does not handle. */
    public record Verified(Optional<Activity> activity, ObjectNode json, URI actor) {
    }

    /** Refused, with the status to answer and a short reason (never the sender's address). */
    public static final class Rejected extends RuntimeException {
        private final int status;
        private final long retryAfter;

        public Rejected(int status, String reason) {
            this(status, reason, 0);
        }

        /** A refusal the sender may try again after {@code retryAfter} seconds (a 429). */
        public Rejected(int status, String reason, long retryAfter) {
            super(reason, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        /** Seconds to wait before trying again, or 0 when trying again will not help. */
        public long retryAfter() {
            return retryAfter;
        }
    }

    /** A key that verifies is used without fetching it again for this long (then fetched when it can be). */
    static final Duration KEY_FRESH = Duration.ofDays(1);

    private final RemoteActors actors;
    private final Blocks blocks;
    private final Clock clock;
    private final KeyFetches fetches;

    public InboxVerifier(RemoteActors actors, Blocks blocks, Clock clock) {
        this(actors, blocks, clock, KeyFetches.standard());
    }

    InboxVerifier(RemoteActors actors, Blocks blocks, Clock clock, KeyFetches fetches) {
        this.actors = actors;
        this.blocks = blocks;
        this.clock = clock;
        this.fetches = fetches;
    }

    /** {@link #verify(SignedRequest, boolean)}, fetching the signing key when needed (within the fetch bounds). */
    public Verified verify(SignedRequest request) {
        return verify(request, true);
    }

    /**
     * Checks {@code request}; with {@code mayFetch} false only a key this node already holds is
     * tried, so the check costs no request to another server (for senders that have failed too often).
     */
    public Verified verify(SignedRequest request, boolean mayFetch) {
        SignatureClaim claim;
        try {
            claim = HttpSignatures.check(request, clock.instant(), WINDOW);
        } catch (SignatureProblem e) {
            throw new Rejected(401, "signature: " + e.reason());
        }
        ObjectNode json;
        Optional<Activity> activity;
        URI actorId;
        try {
            json = Json.parseObject(request.body());
            actorId = Fields.requiredId(json, "actor");
            Fields.requiredId(json, "id");
            activity = Activities.fromJson(json);
        } catch (Json.MalformedJson | Fields.Malformed e) {
            throw new Rejected(400, e.getMessage());
        }
        URI keyOwner;
        try {
            keyOwner = RemoteActors.withoutFragment(URI.create(claim.keyId()));
        } catch (IllegalArgumentException e) {
            throw new Rejected(401, "signature: key id is not a URI");
        }
        if (!OriginRules.sameOrigin(keyOwner, actorId)) {
            throw new Rejected(401, "signature: the key is not the actor's");
        }
        // Before any key is fetched: a blocked server is not contacted, not even to check its signature.
        if (blocks.refusesActor(actorId)) {
            throw new Rejected(403, "this node does not accept activities from that server or actor");
        }
        if (activity.isPresent() && activity.get() instanceof Flag
                && blocks.rejectsReportsFrom(Urls.authorityOf(actorId))) {
            throw new Rejected(403, "this node does not accept reports from that server");
        }
        checkKey(claim, keyOwner, actorId, mayFetch);
        activity.ifPresent(a -> {
            try {
                OriginRules.check(a);
            } catch (OriginRules.Refused e) {
                throw new Rejected(403, e.getMessage());
            }
        });
        return new Verified(activity, json, actorId);
    }

    private void checkKey(SignatureClaim claim, URI keyOwner, URI actorId, boolean mayFetch) {
        RemoteActor held;
        try {
            held = actors.cached(keyOwner).orElse(null);
        } catch (RuntimeException e) {
            held = null;
        }
        boolean heldVerifies = held != null && matches(claim, held);
        if (heldVerifies && clock.millis() - held.fetchedAt() < KEY_FRESH.toMillis()) {
            requireOwner(held, actorId);
            return;
        }
        long wait = mayFetch ? fetches.take(hostOf(keyOwner)) : 0;
        if (!mayFetch || wait > 0) {
            if (heldVerifies) {
                // Old but verifying: better than turning a partner away until a fetch is allowed.
                requireOwner(held, actorId);
                return;
            }
            throw mayFetch ? new Rejected(429, "signature: the signing key cannot be fetched now; try again later", wait)
                    : new Rejected(401, "signature: does not verify with the key this node holds");
        }
        RemoteActor actor;
        try {
            // Not held, old, or not matching: the actor may have a new key, so fetch it (once).
            actor = actors.refresh(keyOwner);
        } catch (Rejected e) {
            throw e;
        } catch (Outbound.Failed | Fields.Malformed e) {
            throw new Rejected(401, "signature: the signing key could not be fetched");
        } catch (RuntimeException e) {
            throw new Rejected(401, "signature: the signing key could not be read");
        }
        if (!matches(claim, actor)) {
            throw new Rejected(401, "signature: does not verify");
        }
        requireOwner(actor, actorId);
    }

    private static String hostOf(URI keyOwner) {
        try {
            return InboxGate.hostOf(keyOwner);
        } catch (IllegalArgumentException e) {
            throw new Rejected(401, "signature: the key id names no server");
        }
    }

    private static boolean matches(SignatureClaim claim, RemoteActor actor) {
        return actor.publicKey() != null && claim.keyId().equals(actor.keyId()) && claim.verify(actor.publicKey());
    }

    private static void requireOwner(RemoteActor actor, URI actorId) {
        if (!actor.uri().equals(actorId)) {
            throw new Rejected(401, "signature: the key is not the actor's");
        }
    }
}
