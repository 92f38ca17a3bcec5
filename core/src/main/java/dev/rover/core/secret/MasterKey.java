package dev.rover.core.secret;

import dev.rover.core.env.EnvironmentVariables;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The 256-bit AES key the {@link CredentialVault} encrypts with. Where it comes from, in order:
 * <ol>
 *   <li>env {@code ROVER_MASTER_KEY} holding the base64 of exactly 32 bytes: used as the key;</li>
 *   <li>env {@code ROVER_MASTER_KEY} holding any other text: a passphrase, stretched with
 *       PBKDF2WithHmacSHA256 ({@value #PBKDF2_ITERATIONS} iterations) and a random 16-byte salt kept in
 *       {@code <dir>/master.salt} (created on first use; the salt is not secret, but losing it loses
 *       the vault);</li>
 *   <li>no env: the key in {@code <dir>/master.key} (base64), generated on first use with owner-only
 *       permissions.</li>
 * </ol>
 * Never shows key material in {@link #toString()}.
 */
public final class MasterKey {

    /** The environment variable read by {@link #resolve(Path)}. */
    public static final String ENV = "ROVER_MASTER_KEY";
    /** PBKDF2 work factor for passphrases (OWASP 2023 guidance for HMAC-SHA256). */
    public static final int PBKDF2_ITERATIONS = 600_000;
    static final String KEY_FILE = "master.key";
    static final String SALT_FILE = "master.salt";

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String source;

    private MasterKey(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes (AES-256), got " + key.length);
        }
        this.key = key.clone();
        this.source = source;
    }

    /** A key given directly, e.g. by tests or an application that keeps it elsewhere. */
    public static MasterKey of(byte[] key) {
        return new MasterKey(key, "explicit");
    }

    /** A fresh random key (not stored anywhere). */
    public static MasterKey random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new MasterKey(key, "random");
    }

    /** The key for the vault in this folder from env {@value #ENV}, else from its key file. */
    public static MasterKey resolve(Path dir) {
        return resolve(dir, EnvironmentVariables.system());
    }

    /** The key for the vault in this folder from {@value #ENV} in these variables, else from its key file. */
    public static MasterKey resolve(Path dir, EnvironmentVariables environment) {
        return environment.get(ENV).map(setting -> fromSetting(setting, dir)).orElseGet(() -> fromKeyFile(dir));
    }

    /**
     * The key a setting stands for: base64 of 32 bytes is the key itself; anything else is a
     * passphrase stretched with the salt stored in {@code dir}.
     */
    public static MasterKey fromSetting(String setting, Path dir) {
        byte[] raw = decodeBase64Key(setting.trim());
        if (raw != null) {
            return new MasterKey(raw, "base64 key");
        }
        return fromPassphrase(setting.toCharArray(), dir);
    }

    /** The key derived from a passphrase and the folder's salt file (created when missing). */
    public static MasterKey fromPassphrase(char[] passphrase, Path dir) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("master key passphrase is empty");
        }
        byte[] salt = OwnerOnlyFile.readOrCreate(dir.resolve(SALT_FILE), () -> {
            byte[] fresh = new byte[16];
            RANDOM.nextBytes(fresh);
            return fresh;
        });
        if (salt.length < 16) {
            throw new IllegalStateException("salt file " + dir.resolve(SALT_FILE) + " is damaged: " + salt.length
                    + " bytes, expected 16");
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, PBKDF2_ITERATIONS, 256);
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return new MasterKey(factory.generateSecret(spec).getEncoded(), "passphrase");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot derive a key with PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The key in {@code <dir>/master.key}, generated owner-only on first use. */
    public static MasterKey fromKeyFile(Path dir) {
        Path file = dir.resolve(KEY_FILE);
        byte[] content = OwnerOnlyFile.readOrCreate(file, () -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            return Base64.getEncoder().encode(fresh);
        });
        byte[] raw = decodeBase64Key(new String(content, StandardCharsets.US_ASCII).trim());
        if (raw == null) {
            throw new IllegalStateException("key file " + file + " is damaged: expected the base64 of 32 bytes");
        }
        LOG.debug("using master key file {}", file);
        return new MasterKey(raw, "key file " + file);
    }

    private static byte[] decodeBase64Key(String text) {
        for (Base64.Decoder decoder : new Base64.Decoder[]{Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                byte[] raw = decoder.decode(text);
                if (raw.length == 32) {
                    return raw;
                }
            } catch (IllegalArgumentException notBase64) {
                // not this alphabet; the other one or the passphrase path applies
                LOG.trace("master key setting is not base64 in this alphabet");
            }
        }
        return null;
    }

    /** The key as a JCA AES key. */
    SecretKey aesKey() {
        return new SecretKeySpec(key, "AES");
    }

    /** Where the key came from (e.g. "passphrase", "key file /data/master.key"), never the key. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MasterKey[source=" + source + ", key=***]";
    }
}
