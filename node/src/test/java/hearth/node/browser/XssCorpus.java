package hearth.node.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-site scripting vectors of {@code xss-vectors.txt} (the OWASP filter-evasion cheat
 * sheet and Hearth's own), and the page hook that notices when one runs. Each vector calls
 * {@code hx(N)}; {@link #numbered} gives the field-specific number, so a call seen on any page
 * names the field and the vector. Immutable; thread-safe.
 */
public final class XssCorpus {

    /**
     * Installed before any page script: replaces the dialogs and defines the marker, recording
     * every call in the top window (a same-origin frame reports there too).
     */
    static final String RECORDING_HOOK = """
            (() => {
              const rec = (what) => {
                let w = window;
                try { w = window.top; w.__hxCalls; } catch (e) { w = window; }
                (w.__hxCalls = w.__hxCalls || []).push(String(what));
              };
              Object.defineProperty(window, 'hx', {value: (n) => rec('hx:' + n), writable: false});
              for (const f of ['alert', 'confirm', 'prompt', 'print']) {
                window[f] = (a) => { rec(f + ':' + a); return f === 'prompt' ? '' : true; };
              }
            })();""";

    /** Leaves the real dialogs in place, so an execution shows as a dialog the driver must meet. */
    static final String DIALOG_HOOK = "window.hx = (n) => alert('hx:' + n);";

    /**
     * Reads the page after it loaded: markup that could run if someone clicked or hovered
     * (event-handler attributes, script-bearing addresses, embedding elements, scripts other
     * than Hearth's own), so a vector that only waits for a click is caught too.
     */
    static final String LIVE_MARKUP = """
            const found = [];
            const urls = ['href', 'src', 'action', 'formaction', 'data', 'background', 'dynsrc', 'lowsrc',
                          'xlink:href', 'poster', 'srcdoc', 'ping', 'content'];
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) {
                const name = a.name.toLowerCase();
                const value = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                if (name.startsWith('on')) found.push(el.tagName + ' ' + name);
                if (urls.includes(name) && /^(javascript|vbscript|data|livescript):/.test(value))
                  found.push(el.tagName + ' ' + name + '=' + value.slice(0, 40));
              }
              if (el.tagName === 'SCRIPT' && el.getAttribute('src') !== '/static/hearth.js')
                found.push('SCRIPT ' + el.outerHTML.slice(0, 60));
            }
            for (const el of document.body.querySelectorAll(
                'iframe, frame, frameset, object, embed, base, meta, link, style, svg, math, applet, isindex'))
              found.push('<' + el.tagName.toLowerCase() + '> in the page');
            if (document.querySelector('head base')) found.push('<base> in the head');
            return found;""";

    private final List<String> vectors;

    private XssCorpus(List<String> vectors) {
        this.vectors = vectors;
    }

    public static XssCorpus load() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = XssCorpus.class.getResourceAsStream("/hearth/node/browser/xss-vectors.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.equals("#") || line.startsWith("# ")) {
                    continue;
                }
                lines.add(unescape(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new XssCorpus(List.copyOf(lines));
    }

    public int size() {
        return vectors.size();
    }

    /** Vector {@code i} with its calls numbered {@code base + i}. */
    public String numbered(int i, int base) {
        String n = Integer.toString(base + i);
        return vectors.get(i).replace("(#)", "(" + n + ")").replace("&#40;#&#41;", "&#40;" + n + "&#41;");
    }

    /** The field a recorded number belongs to ({@code base} of {@link #numbered}), from "hx:2017". */
    public static int baseOf(String call) {
        String digits = call.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Integer.parseInt(digits) / 1000 * 1000;
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 5 < line.length() && line.charAt(i + 1) == 'u'
                    && line.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
                out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                i += 5;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
