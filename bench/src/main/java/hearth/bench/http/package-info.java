/**
 * A small HTTP/1.1 client for benchmarks: ready-made request bytes ({@link hearth.bench.http.Requests}),
 * one blocking keep-alive connection ({@link hearth.bench.http.HttpConnection}), and a browser's
 * handling of cookies and anti-forgery tokens ({@link hearth.bench.http.Browser}).
 *
 * <p>It must not know Hearth's pages beyond a form's {@code csrf} field, nor anything about load
 * or timing.
 */
package hearth.bench.http;
