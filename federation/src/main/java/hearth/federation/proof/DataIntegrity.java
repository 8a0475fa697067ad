package hearth.federation.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Object integrity proofs (FEP-8b32): a Data Integrity {@code DataIntegrityProof} with the
 * {@code eddsa-jcs-2022} cryptosuite, so that an object keeps its origin's signature when a
 * third node relays or backfills it.
 *
 * <pre>{@code
 * ObjectNode signed = DataIntegrity.sign(note, actorId + "#ed25519-key", privateKey, Instant.now());
 *
 * // on receipt: find the key the proof names, check its owner, then
 * Optional<String> method = DataIntegrity.verificationMethod(received);
 * boolean authentic = DataIntegrity.verify(received, Multikey.decodeEd25519(publicKeyMultibase));
 * }</pre>
 *
 * <p>Follows vc-di-eddsa 1.0, section 3.3 (eddsa-jcs-2022): the proof configuration (the proof
 * without {@code proofValue}, carrying the document's {@code @context}) and the document without
 * its proof are each canonicalized with {@link Jcs} and hashed with SHA-256; the Ed25519
 * signature covers the proof hash followed by the document hash.
 *
 * <p>What this class does not decide: whether the verification method belongs to the object's
 * owner (FEP-fe34), and whether {@code created} or {@code expires} is acceptable now. Those are
 * the caller's, since they need the actor document and a clock. Stateless and thread-safe.
 */
public final class DataIntegrity {

    static final String TYPE = "DataIntegrityProof";
    static final String CRYPTOSUITE = "eddsa-jcs-2022";
    static final String PURPOSE = "assertionMethod";
    private static final int SIGNATURE_LENGTH = 64;
    private static final int KEY_LENGTH = 32;

    private DataIntegrity() {
    }

    /**
     * Returns a copy of {@code document} with a {@code proof} added; the argument is not changed.
     * {@code created} is written to the second. A document that already has a {@code proof}, or a
     * linked data {@code signature} (which FEP-8b32 says must be made after the proof), is
     * refused with {@link IllegalArgumentException}, as is one that {@link Jcs} cannot
     * canonicalize or a key that is not Ed25519.
     */
    public static ObjectNode sign(ObjectNode document, String verificationMethod, PrivateKey ed25519,
                                  Instant created) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(ed25519, "ed25519");
        Objects.requireNonNull(created, "created");
        if (verificationMethod.isBlank()) {
            throw new IllegalArgumentException("verificationMethod is blank");
        }
        if (document.has("proof")) {
            throw new IllegalArgumentException("document already carries a proof");
        }
        if (document.has("signature")) {
            throw new IllegalArgumentException("a linked data signature must be added after the proof");
        }
        ObjectNode proof = JsonNodeFactory.instance.objectNode();
        if (document.has("@context")) {
            proof.set("@context", document.get("@context").deepCopy());
        }
        proof.put("type", TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("verificationMethod", verificationMethod);
        proof.put("proofPurpose", PURPOSE);
        proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());

        byte[] hashData = hashData(proof, document);
        proof.put("proofValue", Base58.encodeMultibase(signature(ed25519, hashData)));
        ObjectNode signed = document.deepCopy();
        signed.set("proof", proof);
        return signed;
    }

    /** The verificationMethod named by the document's proof, or empty when there is none. */
    public static Optional<String> verificationMethod(ObjectNode document) {
        Objects.requireNonNull(document, "document");
        JsonNode method = document.path("proof").path("verificationMethod");
        return method.isTextual() && !method.textValue().isBlank()
                ? Optional.of(method.textValue()) : Optional.empty();
    }

    /**
     * True only if the document's proof is an eddsa-jcs-2022 {@code DataIntegrityProof} for
     * {@code assertionMethod} whose signature verifies with this raw 32-byte Ed25519 public key.
     * Anything malformed is simply false. A sibling linked data {@code signature} is ignored, as
     * FEP-8b32 asks; a proof set (an array of proofs) is not supported and is false.
     */
    public static boolean verify(ObjectNode documentWithProof, byte[] ed25519PublicKey) {
        Objects.requireNonNull(documentWithProof, "documentWithProof");
        Objects.requireNonNull(ed25519PublicKey, "ed25519PublicKey");
        if (ed25519PublicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + ed25519PublicKey.length);
        }
        if (!(documentWithProof.get("proof") instanceof ObjectNode proof) || !acceptable(proof)) {
            return false;
        }
        try {
            byte[] signature = Base58.decodeMultibase(proof.get("proofValue").textValue());
            if (signature.length != SIGNATURE_LENGTH) {
                return false;
            }
            ObjectNode options = proof.deepCopy();
            options.remove("proofValue");
            ObjectNode unsecured = documentWithProof.deepCopy();
            unsecured.remove("proof");
            unsecured.remove("signature");
            JsonNode proofContext = options.get("@context");
            if (proofContext != null) {
                // vc-di-eddsa: the document's contexts must begin with the proof's, which are the
                // ones signed; contexts appended later (by another proof) are not covered.
                if (!startsWith(contexts(unsecured.get("@context")), contexts(proofContext))) {
                    return false;
                }
                unsecured.set("@context", proofContext.deepCopy());
            }
            byte[] data = hashData(options, unsecured);
            return Ed25519.verify(signature, 0, ed25519PublicKey, 0, data, 0, data.length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean acceptable(ObjectNode proof) {
        JsonNode created = proof.get("created");
        return TYPE.equals(proof.path("type").textValue())
                && CRYPTOSUITE.equals(proof.path("cryptosuite").textValue())
                && PURPOSE.equals(proof.path("proofPurpose").textValue())
                && proof.path("verificationMethod").isTextual()
                && proof.path("proofValue").isTextual()
                && (created == null || created.isTextual() && XsdDateTime.isValid(created.textValue()));
    }

    /** SHA-256 of the canonical proof options, then SHA-256 of the canonical document. */
    private static byte[] hashData(ObjectNode proofOptions, ObjectNode unsecuredDocument) {
        byte[] proofHash = sha256(Jcs.canonicalBytes(proofOptions));
        byte[] documentHash = sha256(Jcs.canonicalBytes(unsecuredDocument));
        byte[] joined = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, joined, 0, proofHash.length);
        System.arraycopy(documentHash, 0, joined, proofHash.length, documentHash.length);
        return joined;
    }

    /**
     * Signs with Bouncy Castle's RFC 8032 arithmetic rather than the JDK's provider: the
     * signature is the same (Ed25519 is deterministic), made in a fraction of the CPU, which
     * matters because every post a node publishes is signed.
     */
    private static byte[] signature(PrivateKey key, byte[] data) {
        if (!(key instanceof EdECPrivateKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        byte[] seed = ed.getBytes().orElseThrow(() -> new IllegalArgumentException("the private key cannot be read"));
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, data, 0, data.length, signature, 0);
        return signature;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static List<JsonNode> contexts(JsonNode context) {
        List<JsonNode> list = new ArrayList<>();
        if (context == null) {
            return list;
        }
        if (context.isArray()) {
            context.forEach(list::add);
        } else {
            list.add(context);
        }
        return list;
    }

    private static boolean startsWith(List<JsonNode> documentContexts, List<JsonNode> proofContexts) {
        return documentContexts.size() >= proofContexts.size()
                && documentContexts.subList(0, proofContexts.size()).equals(proofContexts);
    }
}
