package dev.rover.core.store;

import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ElementFingerprint;
import dev.rover.core.script.ElementIdentity;
import dev.rover.core.script.ElementLocator;
import dev.rover.core.script.ScriptAction;
import dev.rover.core.script.ScriptKey;
import dev.rover.core.script.ScriptStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every script store must do: revisions per key, nothing stored for an unchanged recording, list and delete.
 * Run by {@link SqliteScriptStoreContractTest}, {@link PostgresScriptStoreContractTest} and
 * {@link InMemoryScriptStoreContractTest}.
 */
abstract class ScriptStoreContractTest {

    /** A clock a second further on every reading, so revisions get distinct, ordered times. */
    static Clock ticking() {
        AtomicLong seconds = new AtomicLong();
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.parse("2026-12-01T10:00:00Z").plus(Duration.ofSeconds(seconds.incrementAndGet()));
            }
        };
    }

    abstract ScriptStore open(Clock clock);

    static final ScriptKey SIGNUP = new ScriptKey("wpid_1", "default:shop.test", "signup");
    static final ScriptKey LOGIN = new ScriptKey("sha256:0f1e", "default:shop.test", "login");

    static ScriptAction fill(String id, String value) {
        return new ScriptAction("input_text", new ElementIdentity(
                new ElementLocator(id, null, id, "textbox", id, null, null, "#" + id, null, List.of()),
                new ElementFingerprint("input", "textbox", id, id, "Sign up", 0.5, 0.25)), value, Map.of());
    }

    static ScriptAction scroll(Object pixels) {
        return new ScriptAction("scroll", null, null, Map.of("direction", "down", "pixels", pixels));
    }

    @Test
    void recordingsBecomeRevisionsOfOneScriptPerKey() {
        ScriptStore store = open(ticking());

        BlockScript first = store.save(SIGNUP, List.of(fill("email", "{{ email }}"), scroll(300)), "wr_1");
        BlockScript unchanged = store.save(SIGNUP, List.of(fill("email", "{{ email }}"), scroll(300L)), "wr_2");
        BlockScript healed = store.save(SIGNUP, List.of(fill("mail", "{{ email }}"), scroll(300)), "wr_3");
        BlockScript login = store.save(LOGIN, List.of(fill("user", "{{ login.username }}")), "wr_4");

        assertThat(first.scriptId()).startsWith("scr_");
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.key()).isEqualTo(SIGNUP);
        assertThat(unchanged).as("equal actions store nothing").isEqualTo(first);
        assertThat(healed.scriptId()).isEqualTo(first.scriptId());
        assertThat(healed.revision()).isEqualTo(2);
        assertThat(healed.sourceRunId()).isEqualTo("wr_3");
        assertThat(login.scriptId()).isNotEqualTo(first.scriptId());
        assertThat(login.revision()).isEqualTo(1);

        assertThat(store.latest(SIGNUP)).contains(healed);
        assertThat(store.latest(new ScriptKey("wpid_1", "other", "signup"))).isEmpty();
        assertThat(store.find(first.scriptId())).contains(healed);
        assertThat(store.revisions(first.scriptId())).containsExactly(first, healed);
        assertThat(store.revisions("scr_unknown")).isEmpty();
        assertThat(store.find("scr_unknown")).isEmpty();
        assertThat(store.list()).as("newest revision of each, most recently changed first").containsExactly(login, healed);
        BlockScript back = store.latest(SIGNUP).orElseThrow();
        assertThat(back.actions().get(0).element().locator().id()).isEqualTo("mail");
        assertThat(back.actions().get(0).value()).isEqualTo("{{ email }}");
        assertThat(back.actions().get(0).element().fingerprint().relativeY()).isEqualTo(0.25);
        assertThat(back.createdAt()).isAfter(first.createdAt());
    }

    @Test
    void deletionRemovesEveryRevisionAndTheNextRecordingStartsAgain() {
        ScriptStore store = open(ticking());
        BlockScript first = store.save(SIGNUP, List.of(fill("email", "{{ email }}")), "wr_1");
        store.save(SIGNUP, List.of(fill("email", "{{ email }}"), scroll(100)), "wr_2");

        assertThat(store.delete(first.scriptId())).isTrue();
        assertThat(store.delete(first.scriptId())).as("already deleted").isFalse();
        assertThat(store.find(first.scriptId())).isEmpty();
        assertThat(store.revisions(first.scriptId())).isEmpty();
        assertThat(store.latest(SIGNUP)).isEmpty();
        assertThat(store.list()).isEmpty();

        BlockScript again = store.save(SIGNUP, List.of(fill("email", "{{ email }}")), "wr_3");
        assertThat(again.scriptId()).isNotEqualTo(first.scriptId());
        assertThat(again.revision()).isEqualTo(1);
    }
}
