package dev.rover.core.secret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The secrets of one run, each standing behind a random placeholder such as
 * {@code placeholder_ab12_password}, so the engine, prompts, logs and outputs only ever see
 * placeholders. {@link #resolve(String)} puts the real values back at the moment an action types
 * them (a TOTP placeholder becomes the code valid then); {@link #redact(String)} does the reverse
 * for anything leaving the run. Registered with {@link SecretRedaction} while open. Thread-safe.
 */
public final class SecretScope implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SecretScope.class);
    private static final String PLACEHOLDER_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final String PLACEHOLDER_PREFIX = "placeholder_";
    /** How many random characters tell one placeholder from another. */
    static final int TAG_LENGTH = 4;
    /** The last parts of every placeholder handed out in this process; they are field names, never secrets. */
    private static final Set<String> SUFFIXES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The shape of every placeholder a scope hands out: the prefix, four tag characters, an underscore. */
    private static final Pattern PLACEHOLDER_SHAPE = Pattern.compile(PLACEHOLDER_PREFIX + "[a-z0-9]{4}_");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Object lock = new Object();
    /** Immutable snapshot, replaced on every change; null once closed. */
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    private SecretScope(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An empty scope on the system clock, registered for log redaction. */
    public static SecretScope open() {
        return open(Clock.systemUTC());
    }

    /** An empty scope whose TOTP codes follow this clock, registered for log redaction. */
    public static SecretScope open(Clock clock) {
        SecretScope scope = new SecretScope(clock);
        SecretRedaction.register(scope);
        return scope;
    }

    /**
     * Hides a value behind a new placeholder.
     *
     * @param field what the value is (e.g. {@code password}); becomes the placeholder's last part
     * @return the placeholder, e.g. {@code placeholder_ab12_password}
     */
    public String add(String field, String value) {
        return add(field, value, true);
    }

    /**
     * Hides a value behind a new placeholder.
     *
     * @param fragments whether any {@value FragmentIndex#MIN_LENGTH}-character piece of the value is
     *                  redacted too (passwords, keys), or only the whole value (a username, whose pieces
     *                  such as a mail domain are ordinary page text)
     */
    public String add(String field, String value, boolean fragments) {
        Objects.requireNonNull(value, "value");
        return put(field, new Entry(value, null, null, value.isEmpty() ? List.of() : List.of(value), fragments));
    }

    /**
     * Hides a TOTP generator behind a placeholder that resolves to the code valid when typed.
     *
     * @param secretText the secret as text (e.g. base32), redacted wherever it appears; may be null
     */
    public String addTotp(String field, Totp totp, String secretText) {
        Objects.requireNonNull(totp, "totp");
        List<String> redacted = new ArrayList<>();
        if (secretText != null && !secretText.isBlank()) {
            redacted.add(secretText);
            String normalized = secretText.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            if (!normalized.equals(secretText)) {
                redacted.add(normalized);
            }
        }
        return put(field, new Entry(null, totp, null, List.copyOf(redacted), true));
    }

    /**
     * Hides a value that only exists when it is typed, such as a one-time code pushed by the user
     * ({@code totp_identifier}) or fetched from {@code totp_url}: the placeholder resolves to whatever
     * {@code source} returns at that moment.
     */
    public String addCodeSource(String field, java.util.function.Supplier<String> source) {
        Objects.requireNonNull(source, "source");
        return put(field, new Entry(null, null, source, List.of(), false));
    }

    /**
     * Hides every value of a credential; returns field name to placeholder ({@code username},
     * {@code password}, {@code totp} for a login; {@code secret} for a secret).
     */
    public Map<String, String> addCredential(CredentialSecrets secrets) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : secrets.fields().entrySet()) {
            if (field.getKey().equals(CredentialSecrets.TOTP)) {
                placeholders.put(field.getKey(), addTotp(field.getKey(), Totp.fromBase32(field.getValue()), field.getValue()));
            } else {
                // a username's pieces (a mail domain) are ordinary page text: only the whole value is hidden
                placeholders.put(field.getKey(), add(field.getKey(), field.getValue(),
                        !field.getKey().equals(CredentialSecrets.USERNAME)));
            }
        }
        return Map.copyOf(placeholders);
    }

    /**
     * Whether the text holds something shaped like a placeholder of any scope; for code that sees
     * typed text but not the scope (the browser marks such fields secret before typing).
     */
    public static boolean looksLikePlaceholder(String text) {
        return text != null && PLACEHOLDER_SHAPE.matcher(text).find();
    }

    /** Every placeholder of this scope. */
    public Set<String> placeholders() {
        return Set.copyOf(current().entries.keySet());
    }

    /** Whether the text holds at least one of this scope's placeholders. */
    public boolean containsPlaceholder(String text) {
        Snapshot s = current();
        return text != null && s.placeholderPattern != null && s.placeholderPattern.matcher(text).find();
    }

    /** This scope's placeholders that occur in the text, in no particular order. */
    public Set<String> placeholdersIn(String text) {
        Snapshot s = current();
        if (text == null || s.placeholderPattern == null) {
            return Set.of();
        }
        Set<String> found = new java.util.HashSet<>();
        Matcher m = s.placeholderPattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Whether {@link #redact(String)} would change the text: it holds a secret or a redacted piece of one. */
    public boolean containsSecret(String text) {
        return text != null && !redact(text).equals(text);
    }

    /**
     * The text with every placeholder replaced by its real value (TOTP: the code to type now).
     * Call this only where the value is used, e.g. when the browser types it.
     *
     * @throws IllegalStateException when the scope is closed
     */
    public String resolve(String text) {
        Snapshot s = current();
        if (text == null || s.placeholderPattern == null) {
            return text;
        }
        Matcher m = s.placeholderPattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            Entry entry = s.entries.get(m.group());
            String value = entry.totp() != null ? entry.totp().codeForTyping(clock)
                    : entry.source() != null ? entry.source().get() : entry.value();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The text with every real secret value (and TOTP secret) replaced by its placeholder, longest
     * value first, in one pass so a placeholder just written is never rewritten; then every stretch
     * of {@value FragmentIndex#MIN_LENGTH} or more characters that is also part of a password, secret
     * value or TOTP secret (a keystroke report, a cut-off value) is replaced by that secret's placeholder.
     *
     * @throws IllegalStateException when the scope is closed
     */
    public String redact(String text) {
        Snapshot s = current();
        if (text == null || s.valuePattern == null) {
            return text;
        }
        return s.fragments.redact(redactWhole(s, text), SUFFIXES);
    }

    private static String redactWhole(Snapshot s, String text) {
        Matcher m = s.valuePattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(s.placeholderOfValue.get(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A copy of a value with {@link #redact(String)} applied to every string inside maps (keys and
     * values), lists, sets and arrays; other values are returned as they are. For run outputs.
     */
    public Object redactDeep(Object value) {
        if (value instanceof String text) {
            return redact(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(redactDeep(e.getKey()), redactDeep(e.getValue()));
            }
            return copy;
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(this::redactDeep).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(redactDeep(item));
            }
            return copy;
        }
        if (value instanceof Object[] array) {
            List<Object> copy = new ArrayList<>(array.length);
            for (Object item : array) {
                copy.add(redactDeep(item));
            }
            return copy;
        }
        return value;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return snapshot == null;
    }

    /** Forgets every value and leaves the process-wide log redaction. */
    @Override
    public void close() {
        synchronized (lock) {
            if (snapshot == null) {
                return;
            }
            snapshot = null;
        }
        SecretRedaction.unregister(this);
    }

    /** Redacts for the log registry; a scope closed meanwhile has nothing left to redact. */
    String redactIfOpen(String text) {
        try {
            return snapshot == null ? text : redact(text);
        } catch (IllegalStateException closedMeanwhile) {
            LOG.trace("scope closed while redacting a log line");
            return text;
        }
    }

    @Override
    public String toString() {
        Snapshot s = snapshot;
        return s == null ? "SecretScope[closed]" : "SecretScope[" + s.entries.size() + " placeholders, values=***]";
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            throw new IllegalStateException("secret scope is closed: its placeholders can no longer be resolved or redacted");
        }
        return s;
    }

    private String put(String field, Entry entry) {
        String suffix = fieldSuffix(field);
        SUFFIXES.add(suffix);
        synchronized (lock) {
            Snapshot s = current();
            String placeholder;
            do {
                placeholder = PLACEHOLDER_PREFIX + randomTag() + "_" + suffix;
            } while (s.entries.containsKey(placeholder));
            Map<String, Entry> entries = new LinkedHashMap<>(s.entries);
            entries.put(placeholder, entry);
            snapshot = Snapshot.of(entries);
            return placeholder;
        }
    }

    private static String fieldSuffix(String field) {
        String cleaned = field == null ? "" : field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return cleaned.isEmpty() ? "secret" : cleaned;
    }

    private static String randomTag() {
        char[] tag = new char[TAG_LENGTH];
        for (int i = 0; i < tag.length; i++) {
            tag[i] = PLACEHOLDER_ALPHABET.charAt(RANDOM.nextInt(PLACEHOLDER_ALPHABET.length()));
        }
        return new String(tag);
    }

    /** A secret behind one placeholder: a fixed value, a TOTP generator or a code source, and the texts to redact. */
    private record Entry(String value, Totp totp, java.util.function.Supplier<String> source, List<String> redactedTexts,
                         boolean fragments) {
    }

    /** Everything needed to resolve and redact, built once per change. */
    private static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), FragmentIndex.EMPTY);

        final Map<String, Entry> entries;
        final Map<String, String> placeholderOfValue;
        final FragmentIndex fragments;
        final Pattern placeholderPattern;
        final Pattern valuePattern;

        private Snapshot(Map<String, Entry> entries, Map<String, String> placeholderOfValue, FragmentIndex fragments) {
            this.entries = entries;
            this.placeholderOfValue = placeholderOfValue;
            this.fragments = fragments;
            this.placeholderPattern = alternation(entries.keySet());
            this.valuePattern = alternation(placeholderOfValue.keySet());
        }

        static Snapshot of(Map<String, Entry> entries) {
            Map<String, String> placeholderOfValue = new LinkedHashMap<>();
            Map<String, String> placeholderOfFragmented = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                for (String text : e.getValue().redactedTexts()) {
                    for (String form : SecretForms.of(text)) {
                        placeholderOfValue.putIfAbsent(form, e.getKey());
                        if (e.getValue().fragments()) {
                            placeholderOfFragmented.putIfAbsent(form, e.getKey());
                        }
                    }
                }
            }
            return new Snapshot(Map.copyOf(entries), Map.copyOf(placeholderOfValue), FragmentIndex.of(placeholderOfFragmented));
        }

        private static Pattern alternation(Set<String> texts) {
            if (texts.isEmpty()) {
                return null;
            }
            return Pattern.compile(texts.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|")));
        }
    }
}
