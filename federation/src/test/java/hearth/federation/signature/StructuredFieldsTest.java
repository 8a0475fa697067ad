package hearth.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hearth.federation.signature.StructuredFields.Item;
import hearth.federation.signature.StructuredFields.Member;
import hearth.federation.signature.StructuredFields.Token;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8941 dictionaries as Signature-Input, Signature and Content-Digest use them. */
class StructuredFieldsTest {

    @Test
    void readsEveryBareItemType() {
        Map<String, Member> d = StructuredFields.parseDictionary(
                "a=1, b=-2.5, c=\"q\\\"s\", d=tok/en:x, e=:AQID:, f=?0, g");

        assertEquals(1L, d.get("a").value());
        assertEquals(new BigDecimal("-2.5"), d.get("b").value());
        assertEquals("q\"s", d.get("c").value());
        assertEquals(new Token("tok/en:x"), d.get("d").value());
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) d.get("e").value());
        assertEquals(false, d.get("f").value());
        assertEquals(true, d.get("g").value());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), List.copyOf(d.keySet()));
    }

    @Test
    void readsAnInnerListWithParametersInOrder() {
        Member m = StructuredFields.parseDictionary(
                "sig1=( \"@method\"  \"x\";key=\"y\" );keyid=\"k\";created=5;flag").get("sig1");

        @SuppressWarnings("unchecked")
        List<Item> items = (List<Item>) m.value();
        assertEquals("@method", items.get(0).value());
        assertEquals(Map.of("key", "y"), items.get(1).params());
        assertEquals(List.of("keyid", "created", "flag"), List.copyOf(m.params().keySet()));
    }

    @Test
    void serializesStrictlyWhateverSpacingCameIn() {
        Member m = StructuredFields.parseDictionary(
                "sig1=(   \"@method\"   \"a\\\\b\";name=\"P\"  );created=1;keyid=\"k\";d=1.50;t=tok;b=?1").get("sig1");
        @SuppressWarnings("unchecked")
        List<Item> items = (List<Item>) m.value();

        assertEquals("(\"@method\" \"a\\\\b\";name=\"P\");created=1;keyid=\"k\";d=1.5;t=tok;b",
                StructuredFieldWriter.innerList(items, m.params()));
    }

    @Test
    void laterDuplicateKeysOverwriteEarlierOnes() {
        assertEquals(2L, StructuredFields.parseDictionary("a=1, a=2").get("a").value());
    }

    @Test
    void refusesATrailingComma() {
        assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary("a=1,"));
    }

    @Test
    void refusesAnUppercaseKey() {
        assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary("Sig=1"));
    }

    @Test
    void refusesAnUnterminatedString() {
        assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary("a=\"open"));
    }

    @Test
    void refusesAnUnterminatedInnerList() {
        assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary("a=(\"x\" \"y\""));
    }

    @Test
    void refusesBadBase64InAByteSequence() {
        assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary("a=:!!:"));
    }

    @Test
    void refusesAnIntegerOfMoreThanFifteenDigits() {
        assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary("a=1234567890123456"));
    }

    @Test
    void refusesNonAsciiInAString() {
        assertThrows(IllegalArgumentException.class, () -> StructuredFields.parseDictionary("a=\"caf\u00e9\""));
    }
}
