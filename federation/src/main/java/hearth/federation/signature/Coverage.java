package hearth.federation.signature;

import java.util.List;

/**
 * What a parsed signature binds, in the terms of the inbox rules, whichever scheme it uses.
 *
 * @param method        the method is signed ({@code (request-target)} or {@code @method})
 * @param target        the path is signed ({@code (request-target)}, {@code @request-target},
 *                      {@code @target-uri} or {@code @path})
 * @param host          the host is signed ({@code host}, {@code @authority} or {@code @target-uri})
 * @param date          the {@code Date} header is signed
 * @param created       the signed creation time in Unix seconds, or {@code null}
 * @param expires       the signed expiry time in Unix seconds, or {@code null}
 * @param digestHeaders the signed body-digest headers, {@code digest} and/or {@code content-digest}
 */
record Coverage(boolean method, boolean target, boolean host, boolean date,
                Long created, Long expires, List<String> digestHeaders) {
}
