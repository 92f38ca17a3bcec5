package dev.rover.samples.demo;

/**
 * The one account of the demo portal: a username, a password and the base32 TOTP secret its
 * authenticator would hold. {@link #toString()} never shows the password or the secret.
 */
public record DemoAccount(String username, String password, String totpSecret) {

    /** The account {@code ./rover demo} uses. */
    public static DemoAccount standard() {
        return new DemoAccount("demo@acme.test", "correct-horse-battery-staple", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    }

    @Override
    public String toString() {
        return "DemoAccount[username=" + username + "]";
    }
}
