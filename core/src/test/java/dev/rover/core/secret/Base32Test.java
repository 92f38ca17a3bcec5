package dev.rover.core.secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base32Test {

    /** RFC 4648 section 10 vectors. */
    @Test
    void decodesRfc4648Vectors() {
        assertThat(decode("MY======")).isEqualTo("f");
        assertThat(decode("MZXQ====")).isEqualTo("fo");
        assertThat(decode("MZXW6===")).isEqualTo("foo");
        assertThat(decode("MZXW6YQ=")).isEqualTo("foob");
        assertThat(decode("MZXW6YTB")).isEqualTo("fooba");
        assertThat(decode("MZXW6YTBOI======")).isEqualTo("foobar");
    }

    @Test
    void acceptsLowerCaseSpacesDashesAndNoPadding() {
        assertThat(decode("mzxw 6ytb-oi")).isEqualTo("foobar");
    }

    @Test
    void encodeAndDecodeRoundTrip() {
        byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0x80, 42, 7};
        assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    }

    @Test
    void rejectsCharactersOutsideTheAlphabetAndEmptyText() {
        assertThatThrownBy(() -> Base32.decode("ABC1")).hasMessageContaining("position 3");
        assertThatThrownBy(() -> Base32.decode("  ")).hasMessageContaining("empty");
    }

    private static String decode(String text) {
        return new String(Base32.decode(text), StandardCharsets.US_ASCII);
    }
}
