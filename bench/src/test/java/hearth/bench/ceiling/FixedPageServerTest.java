package hearth.bench.ceiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FixedPageServerTest {

    @Test
    void readsThePathTheHeadersAndTheBodyByteForByte() throws Exception {
        byte[] body = "<p>two\n\nparagraphs</p>\n".getBytes(StandardCharsets.UTF_8);
        byte[] input = ("/c/x/t/1\nContent-Type: text/html; charset=utf-8\nCache-Control: no-store\n\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[input.length + body.length];
        System.arraycopy(input, 0, all, 0, input.length);
        System.arraycopy(body, 0, all, input.length, body.length);

        FixedPageServer.Page page = FixedPageServer.read(new ByteArrayInputStream(all));

        assertEquals("/c/x/t/1", page.path());
        assertEquals("text/html; charset=utf-8", page.headers().get("content-type"));
        assertEquals("no-store", page.headers().get("Cache-Control"));
        assertArrayEquals(body, page.body());
    }

    @Test
    void refusesInputWithoutTheEmptyLine() {
        assertThrows(IOException.class,
                () -> FixedPageServer.read(new ByteArrayInputStream("/x\nA: b\n".getBytes(StandardCharsets.UTF_8))));
    }
}
