package dev.rover.core.secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * The keyed seal (HMAC-SHA256) over the origins a stored credential is bound to. The origins sit in
 * clear in the credential file so they can be listed without the key, but whoever may edit the data
 * directory must not be able to add their own site to a login: without the master key no valid seal
 * can be written. The HMAC key is derived from the master key, never the AES key itself.
 */
final class CredentialOriginSeal {

    private static final String MAC = "HmacSHA256";

    private CredentialOriginSeal() {
    }

    /** The seal of these origins for this credential id. */
    static String seal(MasterKey key, String id, List<String> origins) {
        try {
            Mac derive = Mac.getInstance(MAC);
            derive.init(key.aesKey());
            byte[] sealKey = derive.doFinal("rover-credential-origins:v1".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(sealKey, MAC));
            mac.update((id + "\n" + String.join("\n", origins == null ? List.of() : origins)).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot compute " + MAC, e);
        }
    }

    /**
     * Checks a stored credential's origins against their seal. A file without origins and without a
     * seal was written before credentials had origins and is accepted as unbound.
     *
     * @throws CredentialVaultException when origins have no seal, or the seal does not match
     */
    static void verify(MasterKey key, String id, String name, List<String> origins, String seal, Path file) {
        boolean unbound = origins == null || origins.isEmpty();
        if (seal == null && unbound) {
            return;
        }
        String expected = seal(key, id, origins);
        if (seal == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), seal.getBytes(StandardCharsets.US_ASCII))) {
            throw new CredentialVaultException("credential " + name + " cannot be used: the origins it is bound to do not match "
                    + "their seal (wrong master key, or the file was edited outside Rover) (" + file + ")");
        }
    }
}
