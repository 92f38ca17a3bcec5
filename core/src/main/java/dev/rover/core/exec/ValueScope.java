package dev.rover.core.exec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values templates see, in layers: the run-wide values (parameters, outputs, run names) and,
 * for nested blocks, a layer of extra values (loop variables) on top. Outputs always go to the
 * run-wide layer so later blocks see them; all layers share one lock.
 */
final class ValueScope {

    private final ValueScope parent;
    private final Object lock;
    private final Map<String, Object> local = new LinkedHashMap<>();

    private ValueScope(ValueScope parent, Object lock, Map<String, ?> initial) {
        this.parent = parent;
        this.lock = lock;
        local.putAll(initial);
    }

    /** The run-wide layer. */
    static ValueScope root(Map<String, ?> initial) {
        return new ValueScope(null, new Object(), initial);
    }

    /** A layer for nested blocks with extra values on top of this one. */
    ValueScope child(Map<String, ?> extra) {
        synchronized (lock) {
            return new ValueScope(this, lock, extra);
        }
    }

    /** Sets a run-wide value (a block output). */
    void putRunWide(String key, Object value) {
        synchronized (lock) {
            ValueScope root = this;
            while (root.parent != null) {
                root = root.parent;
            }
            root.local.put(key, value);
        }
    }

    /** Sets a value in this layer (a context parameter computed from it). */
    void putHere(String key, Object value) {
        synchronized (lock) {
            local.put(key, value);
        }
    }

    /** True when any layer has the key (even with a null value). */
    boolean contains(String key) {
        synchronized (lock) {
            return local.containsKey(key) || (parent != null && parent.contains(key));
        }
    }

    Object get(String key) {
        synchronized (lock) {
            if (local.containsKey(key)) {
                return local.get(key);
            }
            return parent == null ? null : parent.get(key);
        }
    }

    /** Every visible value, upper layers winning, as an unmodifiable copy. */
    Map<String, Object> snapshot() {
        synchronized (lock) {
            Map<String, Object> all = parent == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parent.snapshot());
            all.putAll(local);
            return Collections.unmodifiableMap(all);
        }
    }
}
