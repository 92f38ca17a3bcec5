package dev.rover.core.secret;

/** The HMAC behind a TOTP code; RFC 6238 allows SHA-1 (what nearly every site uses), SHA-256 and SHA-512. */
public enum TotpAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String macName;

    TotpAlgorithm(String macName) {
        this.macName = macName;
    }

    /** The JCA name of the MAC. */
    public String macName() {
        return macName;
    }
}
