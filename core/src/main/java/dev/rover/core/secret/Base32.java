package dev.rover.core.secret;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32 (the alphabet authenticator apps use for TOTP secrets), kept here so TOTP needs
 * nothing beyond the JDK. Decoding is lenient about case, spaces, dashes and missing padding,
 * because people paste secrets in all of those shapes.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /**
     * The bytes a base32 text stands for.
     *
     * @throws IllegalArgumentException when the text holds a character outside the alphabet (the
     *                                  message names its position, never the text itself)
     */
    public static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8 + 1);
        int buffer = 0;
        int bits = 0;
        int symbols = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == '=') {
                break;
            }
            int value = ALPHABET.indexOf(Character.toUpperCase(c));
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 character at position " + i
                        + " (allowed: A-Z, 2-7, optional '=' padding)");
            }
            symbols++;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xff);
            }
        }
        if (symbols == 0) {
            throw new IllegalArgumentException("base32 text is empty");
        }
        return out.toByteArray();
    }

    /** Base32 text of these bytes, upper case with no padding. */
    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET.charAt((buffer >> bits) & 31));
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
