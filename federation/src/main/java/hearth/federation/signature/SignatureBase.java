package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import hearth.federation.signature.StructuredFields.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 9421 signature base (section 2.5) for one request: one line per covered component,
 * then the {@code @signature-params} line, re-serialized strictly from the parsed input so
 * that spacing the sender's proxies added does not matter.
 *
 * @param text          the signature base
 * @param covered       the component identifiers in order, unquoted ({@code @query-param;name="a"})
 * @param names         the component names covered (lowercase)
 * @param digestHeaders {@code content-digest} and/or {@code digest} when covered
 */
record SignatureBase(String text, List<String> covered, Set<String> names, List<String> digestHeaders) {

    boolean covers(String name) {
        return names.contains(name);
    }

    static SignatureBase build(List<Item> items, Map<String, Object> params, SignedRequest request) {
        StringBuilder text = new StringBuilder(512);
        List<String> covered = new ArrayList<>(items.size());
        Set<String> names = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> digests = new ArrayList<>(1);
        for (Item item : items) {
            if (!(item.value() instanceof String name)) {
                throw new SignatureProblem(Kind.MALFORMED);
            }
            StringBuilder id = new StringBuilder();
            StructuredFieldWriter.item(item, id);
            if (!seen.add(id.toString())) {
                throw new SignatureProblem(Kind.MALFORMED);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            text.append(id).append(": ").append(value(lower, item.params(), request)).append('\n');
            StringBuilder bare = new StringBuilder();
            StructuredFieldWriter.item(new Item(name, Map.of()), bare);
            covered.add(name + id.substring(bare.length()));
            names.add(lower);
            if (lower.equals("content-digest") || lower.equals("digest")) {
                digests.add(lower);
            }
        }
        text.append("\"@signature-params\": ").append(StructuredFieldWriter.innerList(items, params));
        return new SignatureBase(text.toString(), List.copyOf(covered), Set.copyOf(names), List.copyOf(digests));
    }

    private static String value(String name, Map<String, Object> params, SignedRequest request) {
        if (name.equals("@query-param")) {
            if (params.size() != 1 || !(params.get("name") instanceof String encodedName)) {
                throw new SignatureProblem(Kind.UNSUPPORTED_COMPONENT, name);
            }
            return QueryParams.value(request.uri(), encodedName);
        }
        // sf, key, bs, req and tr change how a value is derived; Hearth derives none of them.
        if (!params.isEmpty()) {
            throw new SignatureProblem(Kind.UNSUPPORTED_COMPONENT, name);
        }
        return switch (name) {
            case "@method" -> request.method();
            case "@target-uri" -> Uris.targetUri(request.uri());
            case "@authority" -> Uris.authority(request.uri());
            case "@scheme" -> Uris.scheme(request.uri());
            case "@request-target" -> Uris.requestTarget(request.uri());
            case "@path" -> Uris.path(request.uri());
            case "@query" -> Uris.query(request.uri());
            case "@signature-params" -> throw new SignatureProblem(Kind.MALFORMED);
            case "host" -> request.combined("host").orElseGet(() -> Uris.authority(request.uri()));
            default -> {
                if (name.startsWith("@")) {
                    throw new SignatureProblem(Kind.UNSUPPORTED_COMPONENT, name);
                }
                yield request.combined(name).orElseThrow(() -> new SignatureProblem(Kind.ABSENT_HEADER, name));
            }
        };
    }
}
