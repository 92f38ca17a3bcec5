package dev.rover.core.secret;

import dev.rover.core.env.EnvironmentVariables;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rover.core.json.Json;
import dev.rover.core.run.SortableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Local credential store, encrypted at rest so a copied data folder reveals nothing without the
 * master key. Each credential is one file {@code <dir>/credentials/<id>.json} (owner-only) holding
 * its metadata in clear and its values as AES-256-GCM ciphertext with a fresh 12-byte IV; the id,
 * name and kind are bound as associated data, so a file edited to another name fails to decrypt.
 * The key comes from {@link MasterKey#resolve(Path)} unless given. Names are unique within one
 * vault instance's view; writes are atomic file replacements. The origins a credential is bound to
 * are kept in clear beside the values with a keyed seal, so they cannot be widened without the key.
 */
public final class CredentialVault implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVault.class);
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int FORMAT_VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final Path dir;
    private final Path credentialsDir;
    private final MasterKey key;
    private final Clock clock;

    /** A vault in this folder, keyed by env {@code ROVER_MASTER_KEY} or the folder's {@code master.key}. */
    /** A vault in this folder whose key comes from {@code ROVER_MASTER_KEY} in these variables, else its key file. */
    public CredentialVault(Path dir, EnvironmentVariables environment) {
        this(dir, MasterKey.resolve(prepare(dir), environment));
    }

    public CredentialVault(Path dir) {
        this(dir, MasterKey.resolve(prepare(dir)));
    }

    /** A vault in this folder with an explicit key. */
    public CredentialVault(Path dir, MasterKey key) {
        this(dir, key, Clock.systemUTC());
    }

    /** A vault in this folder with an explicit key and clock (for creation times). */
    public CredentialVault(Path dir, MasterKey key, Clock clock) {
        this.dir = prepare(dir);
        this.credentialsDir = dir.resolve("credentials");
        OwnerOnlyFile.createDirectories(credentialsDir);
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Path prepare(Path dir) {
        Objects.requireNonNull(dir, "dir");
        OwnerOnlyFile.createDirectories(dir);
        return dir;
    }

    /** The folder this vault keeps its files in. */
    public Path directory() {
        return dir;
    }

    /**
     * Stores these values under a new, unique name, to be typed only on these origins (none: bound on first use).
     *
     * @throws IllegalArgumentException when the name is blank, looks like an id, or is taken, or an origin is no http(s) origin
     */
    public synchronized Credential add(String name, CredentialSecrets secrets, List<String> origins) {
        Objects.requireNonNull(secrets, "secrets");
        List<String> bound = Origins.parseAll(origins);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a credential needs a non-blank name");
        }
        if (name.startsWith("cred_")) {
            throw new IllegalArgumentException("credential name '" + name + "' must not start with 'cred_' (reserved for ids)");
        }
        requireKeyOpensVault("; not adding '" + name + "' under a different key");
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("a credential named '" + name + "' already exists in " + dir);
        }
        Credential credential = new Credential(SortableId.next("cred_", clock), name, secrets.kind(), clock.instant(), bound);
        byte[] plain = Json.compact(secrets.fields()).getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] cipherText;
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(credential));
            cipherText = cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with " + CIPHER, e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        StoredCredential stored = new StoredCredential(FORMAT_VERSION, credential.id(), credential.name(),
                credential.kind(), credential.createdAt(), Base64.getEncoder().encodeToString(iv),
                Base64.getEncoder().encodeToString(cipherText), bound, CredentialOriginSeal.seal(key, credential.id(), bound));
        OwnerOnlyFile.write(fileOf(credential.id()), Json.compact(stored).getBytes(StandardCharsets.UTF_8));
        LOG.info("stored credential {} ({}, {})", credential.id(), credential.name(), credential.kind().wireName());
        return credential;
    }

    /**
     * Binds a credential to these origins, replacing those it had (a run binds an unbound credential
     * to the first page it types it on).
     *
     * @return the credential as now stored
     * @throws CredentialVaultException when there is no such credential or the master key cannot decrypt it
     * @throws IllegalArgumentException when an origin is no http(s) origin
     */
    public synchronized Credential bindOrigins(String idOrName, List<String> origins) {
        List<String> bound = Origins.parseAll(origins);
        StoredCredential stored = findStored(idOrName).orElseThrow(() -> new CredentialVaultException(
                "no credential with id or name '" + idOrName + "' in " + dir));
        decrypt(stored); // only the key the values were sealed with may bind them
        StoredCredential rebound = new StoredCredential(stored.version(), stored.id(), stored.name(), stored.kind(),
                stored.createdAt(), stored.iv(), stored.ciphertext(), bound, CredentialOriginSeal.seal(key, stored.id(), bound));
        OwnerOnlyFile.write(fileOf(stored.id()), Json.compact(rebound).getBytes(StandardCharsets.UTF_8));
        LOG.info("credential {} ({}) is bound to {}", stored.id(), stored.name(), bound);
        return rebound.metadata();
    }

    /** Every credential's metadata, oldest first; never any values. */
    public synchronized List<Credential> list() {
        requireKeyOpensVault("");
        List<Credential> all = new ArrayList<>();
        for (StoredCredential stored : readAll()) {
            all.add(stored.metadata());
        }
        all.sort(Comparator.comparing(Credential::createdAt).thenComparing(Credential::id));
        return List.copyOf(all);
    }

    /** The credential with this id ({@code cred_...}) or name. */
    public synchronized Optional<Credential> find(String idOrName) {
        return findStored(idOrName).map(StoredCredential::metadata);
    }

    /**
     * Decrypts the values of the credential with this id or name.
     *
     * @throws CredentialVaultException when there is no such credential, or it cannot be decrypted
     *                                  (wrong master key or damaged file)
     */
    public synchronized CredentialSecrets secretsOf(String idOrName) {
        StoredCredential stored = findStored(idOrName).orElseThrow(() -> new CredentialVaultException(
                "no credential with id or name '" + idOrName + "' in " + dir));
        return decrypt(stored);
    }

    /** Deletes the credential with this id or name; false when there was none. */
    public synchronized boolean delete(String idOrName) {
        requireKeyOpensVault("; nothing was deleted");
        Optional<StoredCredential> stored = findStored(idOrName);
        if (stored.isEmpty()) {
            return false;
        }
        try {
            boolean deleted = Files.deleteIfExists(fileOf(stored.get().id()));
            if (deleted) {
                LOG.info("deleted credential {} ({})", stored.get().id(), stored.get().name());
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete credential '" + stored.get().name() + "' file "
                    + fileOf(stored.get().id()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses to work on a vault whose credentials this key opens none of: adding would leave a vault
     * encrypted under two keys. One credential that opens is enough (another may just be damaged).
     *
     * @throws CredentialVaultException with the message a run gives for the oldest credential, plus {@code refusal}
     */
    private void requireKeyOpensVault(String refusal) {
        List<StoredCredential> all = readAll();
        all.sort(Comparator.comparing(StoredCredential::createdAt).thenComparing(StoredCredential::id));
        CredentialVaultException first = null;
        for (StoredCredential stored : all) {
            try {
                decrypt(stored);
                return;
            } catch (CredentialVaultException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new CredentialVaultException(first.getMessage() + refusal);
        }
    }

    private CredentialSecrets decrypt(StoredCredential stored) {
        String damaged = "credential " + stored.name() + " cannot be decrypted: wrong master key or damaged file";
        byte[] plain = null;
        try {
            if (stored.iv() == null || stored.ciphertext() == null) {
                throw new CredentialVaultException(damaged + " (" + fileOf(stored.id()) + ")");
            }
            byte[] iv = Base64.getDecoder().decode(stored.iv());
            byte[] cipherText = Base64.getDecoder().decode(stored.ciphertext());
            if (iv.length != IV_BYTES) {
                throw new CredentialVaultException(damaged + " (" + fileOf(stored.id()) + ")");
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key.aesKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(stored.metadata()));
            plain = cipher.doFinal(cipherText);
            // the values decrypt, so the key is right: origins that do not match their seal were edited
            try {
                CredentialOriginSeal.verify(key, stored.id(), stored.name(), stored.origins(), stored.originsSeal(), fileOf(stored.id()));
            } catch (CredentialVaultException e) {
                Arrays.fill(plain, (byte) 0);
                throw e;
            }
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new CredentialVaultException(damaged + " (" + fileOf(stored.id()) + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot decrypt with " + CIPHER, e);
        }
        try {
            Map<String, String> fields = Json.mapper().readValue(plain, FIELDS);
            return CredentialSecrets.fromFields(stored.kind(), fields);
        } catch (IOException | IllegalArgumentException e) {
            // the parser's message may quote decrypted text, so it is not chained
            throw new CredentialVaultException(damaged + " (" + fileOf(stored.id()) + ": decrypted content is not a "
                    + stored.kind().wireName() + " credential)");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Optional<StoredCredential> findStored(String idOrName) {
        Objects.requireNonNull(idOrName, "idOrName");
        if (idOrName.startsWith("cred_")) {
            Path file = fileOf(idOrName);
            if (!idOrName.matches("cred_[0-9a-z]+") || !Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.ofNullable(read(file));
        }
        return readAll().stream().filter(s -> s.name().equals(idOrName)).findFirst();
    }

    private List<StoredCredential> readAll() {
        List<StoredCredential> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(credentialsDir, "cred_*.json")) {
            for (Path file : files) {
                StoredCredential stored = read(file);
                if (stored != null) {
                    all.add(stored);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list credentials in " + credentialsDir + ": " + e.getMessage(), e);
        }
        return all;
    }

    /** The stored record in this file, or null when it was deleted meanwhile. */
    private StoredCredential read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            LOG.debug("credential file {} disappeared while reading (deleted concurrently)", file);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credential file " + file + ": " + e.getMessage(), e);
        }
        try {
            StoredCredential stored = Json.mapper().readValue(content, StoredCredential.class);
            if (stored.id() == null || stored.name() == null || stored.kind() == null || stored.createdAt() == null) {
                throw new CredentialVaultException("credential file " + file + " is damaged: id, name, kind or created_at missing");
            }
            if (stored.version() != FORMAT_VERSION) {
                throw new CredentialVaultException("credential file " + file + " has format version " + stored.version()
                        + "; this Rover reads version " + FORMAT_VERSION);
            }
            return stored;
        } catch (IOException e) {
            throw new CredentialVaultException("credential file " + file + " is damaged: not valid JSON", e);
        }
    }

    private Path fileOf(String id) {
        return credentialsDir.resolve(id + ".json");
    }

    private static byte[] associatedData(Credential credential) {
        return ("rover-credential:v" + FORMAT_VERSION + ":" + credential.id() + ":" + credential.kind().wireName() + ":"
                + credential.name()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CredentialVault[" + dir + ", key from " + key.source() + "]";
    }

    /** The on-disk shape of one credential. */
    record StoredCredential(int version, String id, String name, CredentialKind kind, java.time.Instant createdAt,
                            String iv, String ciphertext, List<String> origins, String originsSeal) {
        Credential metadata() {
            return new Credential(id, name, kind, createdAt, origins);
        }
    }
}
