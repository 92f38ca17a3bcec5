package dev.rover.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ScriptAction;
import dev.rover.core.script.ScriptDocuments;
import dev.rover.core.script.ScriptKey;
import dev.rover.core.script.ScriptStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ScriptStore} in the run database's {@code scripts} table (schema version 5), on the same
 * connections as the {@link JdbcRunStore} that hands it out, so SQLite and PostgreSQL both work and every
 * process sharing the database replays the same scripts. A row per revision; the body is the script
 * document of {@link ScriptDocuments}, the key columns are there to find it.
 */
final class JdbcScriptStore implements ScriptStore {

    /** Longest values of the key columns (the table's column sizes). */
    static final int MAX_WORKFLOW = 200;
    static final int MAX_CACHE_KEY = 500;
    static final int MAX_BLOCK_LABEL = 200;

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() { };
    /** How often a save is tried when another process stored the same revision in between. */
    private static final int SAVE_ATTEMPTS = 3;

    private final JdbcConnections db;
    private final Clock clock;
    private final StoredJson json;

    JdbcScriptStore(JdbcConnections db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.json = new StoredJson(db.description());
    }

    @Override
    public BlockScript save(ScriptKey key, List<ScriptAction> actions, String sourceRunId) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(actions, "actions");
        checkLength("workflow", key.workflow(), MAX_WORKFLOW);
        checkLength("cache_key", key.cacheKey(), MAX_CACHE_KEY);
        checkLength("block label", key.blockLabel(), MAX_BLOCK_LABEL);
        for (int attempt = 1; ; attempt++) {
            try {
                return db.write(c -> saveIn(c, key, actions, sourceRunId));
            } catch (StoreException e) {
                // another process may have stored the same revision first (unique key); the next try sees it
                if (attempt >= SAVE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private BlockScript saveIn(Connection c, ScriptKey key, List<ScriptAction> actions, String sourceRunId) throws SQLException {
        Optional<BlockScript> latest = latest(c, key);
        BlockScript next = BlockScript.next(latest, key, actions, sourceRunId, clock);
        if (latest.isPresent() && next == latest.get()) {
            return next;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO scripts (script_id, revision, workflow, cache_key,"
                + " block_label, body, source_run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, next.scriptId());
            s.setInt(2, next.revision());
            s.setString(3, key.workflow());
            s.setString(4, key.cacheKey());
            s.setString(5, key.blockLabel());
            s.setString(6, json.write(ScriptDocuments.toMap(next), "script " + next.scriptId()));
            if (sourceRunId == null) {
                s.setNull(7, Types.VARCHAR);
            } else {
                s.setString(7, sourceRunId);
            }
            s.setLong(8, next.createdAt().toEpochMilli());
            s.executeUpdate();
        }
        return next;
    }

    @Override
    public Optional<BlockScript> latest(ScriptKey key) {
        Objects.requireNonNull(key, "key");
        return db.read(c -> latest(c, key));
    }

    private Optional<BlockScript> latest(Connection c, ScriptKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT script_id, revision, body FROM scripts"
                + " WHERE workflow = ? AND cache_key = ? AND block_label = ? ORDER BY revision DESC")) {
            s.setString(1, key.workflow());
            s.setString(2, key.cacheKey());
            s.setString(3, key.blockLabel());
            s.setMaxRows(1);
            return rows(s).stream().findFirst();
        }
    }

    @Override
    public Optional<BlockScript> find(String scriptId) {
        Objects.requireNonNull(scriptId, "scriptId");
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT script_id, revision, body FROM scripts"
                    + " WHERE script_id = ? ORDER BY revision DESC")) {
                s.setString(1, scriptId);
                s.setMaxRows(1);
                return rows(s).stream().findFirst();
            }
        });
    }

    @Override
    public List<BlockScript> revisions(String scriptId) {
        Objects.requireNonNull(scriptId, "scriptId");
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT script_id, revision, body FROM scripts"
                    + " WHERE script_id = ? ORDER BY revision")) {
                s.setString(1, scriptId);
                return rows(s);
            }
        });
    }

    @Override
    public List<BlockScript> list() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT script_id, revision, body FROM scripts t"
                    + " WHERE revision = (SELECT MAX(revision) FROM scripts r WHERE r.script_id = t.script_id)"
                    + " ORDER BY created_at DESC, script_id DESC")) {
                return rows(s);
            }
        });
    }

    @Override
    public boolean delete(String scriptId) {
        Objects.requireNonNull(scriptId, "scriptId");
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM scripts WHERE script_id = ?")) {
                s.setString(1, scriptId);
                return s.executeUpdate() > 0;
            }
        });
    }

    private List<BlockScript> rows(PreparedStatement s) throws SQLException {
        List<BlockScript> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String what = "script " + rs.getString(1) + " revision " + rs.getInt(2);
                Map<String, Object> document = json.read(rs.getString(3), DOCUMENT, what);
                try {
                    found.add(ScriptDocuments.fromStored(document, what));
                } catch (RuntimeException e) {
                    throw new StoreException("the stored " + what + " in " + db.description() + " cannot be read: "
                            + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(found);
    }

    private static void checkLength(String what, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException("a script's " + what + " is at most " + max + " characters, got "
                    + value.length());
        }
    }
}
