package dev.rover.blocks.fakes;

import dev.rover.core.exec.RunSecrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps placeholders to secret values, as a run's secret scope would; records what it resolved. */
public final class PlaceholderSecrets implements RunSecrets {

    private final Map<String, String> secretsByPlaceholder = new LinkedHashMap<>();
    public final List<String> resolved = Collections.synchronizedList(new ArrayList<>());

    public PlaceholderSecrets(String placeholder, String secret) {
        secretsByPlaceholder.put(placeholder, secret);
    }

    /** Adds one more placeholder. */
    public PlaceholderSecrets and(String placeholder, String secret) {
        secretsByPlaceholder.put(placeholder, secret);
        return this;
    }

    @Override
    public String resolve(String text) {
        String out = text;
        for (var e : secretsByPlaceholder.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        if (!out.equals(text)) {
            resolved.add(text);
        }
        return out;
    }

    @Override
    public String redact(String text) {
        String out = text;
        for (var e : secretsByPlaceholder.entrySet()) {
            out = out.replace(e.getValue(), e.getKey());
        }
        return out;
    }

    @Override
    public Object redactDeep(Object value) {
        if (value instanceof String s) {
            return redact(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, redactDeep(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::redactDeep).toList();
        }
        return value;
    }
}
