package hearth.bench.load;

import hearth.bench.http.HttpResponse;

/**
 * What one connection of the {@link LoadGenerator} sends, request after request, and how it
 * judges each answer. A script may keep state (a browser posting into its current thread);
 * the generator calls one script from one thread only.
 */
public interface RequestScript {

    /** The next request's bytes. */
    byte[] next();

    /** Whether to keep the body of the answer to the request just returned by {@link #next()}. */
    default boolean keepBody() {
        return false;
    }

    /**
     * Takes the answer to the last request.
     *
     * @return false if it was not the expected answer (counted as an error)
     */
    boolean accept(HttpResponse response);

    /** The same request again and again, expecting {@code status} each time. */
    static RequestScript repeat(byte[] request, int status) {
        return new RequestScript() {
            @Override
            public byte[] next() {
                return request;
            }

            @Override
            public boolean accept(HttpResponse response) {
                return response.status() == status;
            }
        };
    }
}
