package dev.rover.core.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Parameter.ValueType;
import dev.rover.core.definition.Workflow;
import dev.rover.core.json.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the values a caller gives into the run's parameter values: checks that required ones are
 * there and that no unknown key is given, converts each to its declared type, applies defaults.
 * Credential parameters and {@code credential_id} values resolve through a {@link CredentialResolver}
 * when the run has one, and pass through as written otherwise.
 */
final class ParameterBinder {

    private static final int MAX_SHOWN_VALUE = 60;

    private ParameterBinder() {
    }

    /**
     * The bound values, in declaration order.
     *
     * @throws IllegalArgumentException listing every problem, each naming its parameter key
     */
    static Map<String, Object> bind(Workflow workflow, Map<String, Object> given, CredentialResolver credentials) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> bound = new LinkedHashMap<>();
        List<String> known = workflow.parameters().stream()
                .filter(p -> p instanceof Parameter.WorkflowParameter).map(Parameter::key).toList();
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                problems.add("unknown parameter '" + key + "'; the workflow's parameters are " + known);
            }
        }
        for (Parameter parameter : workflow.parameters()) {
            if (parameter instanceof Parameter.WorkflowParameter p) {
                bindOne(p, given, bound, problems);
                if (p.valueType() == ValueType.CREDENTIAL_ID && bound.get(p.key()) != null) {
                    resolveCredential(p.key(), bound.get(p.key()), credentials, bound, problems);
                }
            } else if (parameter instanceof Parameter.CredentialParameter c) {
                resolveCredential(c.key(), c.credentialId(), credentials, bound, problems);
            } else if (parameter instanceof Parameter.SecretParameter secret) {
                resolveSecret(secret, credentials, bound, problems);
            } else if (parameter instanceof Parameter.UnsupportedParameter u) {
                problems.add("parameter '" + u.key() + "' has type '" + u.parameterType()
                        + "', which Rover does not support; supported: " + RunnabilityCheck.SUPPORTED_PARAMETER_TYPES);
            }
            // output parameters are filled when their block runs; context parameters as their source changes
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("workflow '" + workflow.title() + "' cannot run: " + String.join("; ", problems));
        }
        return bound;
    }

    private static void resolveCredential(String key, Object reference, CredentialResolver credentials,
                                          Map<String, Object> bound, List<String> problems) {
        if (credentials == null || !(reference instanceof String ref)) {
            bound.put(key, reference);
            return;
        }
        try {
            bound.put(key, credentials.resolve(key, ref));
        } catch (IllegalArgumentException e) {
            bound.remove(key);
            problems.add(e.getMessage());
        }
    }

    private static void resolveSecret(Parameter.SecretParameter secret, CredentialResolver credentials,
                                      Map<String, Object> bound, List<String> problems) {
        CredentialResolver resolver = credentials != null ? credentials : (key, reference) -> reference;
        try {
            bound.put(secret.key(), resolver.resolveSecret(secret));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    private static void bindOne(Parameter.WorkflowParameter p, Map<String, Object> given, Map<String, Object> bound,
                                List<String> problems) {
        Object raw = given.get(p.key());
        boolean fromDefault = raw == null;
        if (raw == null) {
            raw = p.defaultValue();
        }
        if (raw == null) {
            problems.add("required parameter '" + p.key() + "' (" + typeName(p) + ") has no value and no default_value");
            return;
        }
        try {
            bound.put(p.key(), convert(p.valueType(), raw));
        } catch (IllegalArgumentException e) {
            problems.add((fromDefault ? "default_value of parameter '" : "parameter '") + p.key() + "' is "
                    + typeName(p) + ": " + e.getMessage());
        }
    }

    private static String typeName(Parameter.WorkflowParameter p) {
        return p.valueType() == null ? "string" : p.valueType().wireName();
    }

    static Object convert(ValueType type, Object raw) {
        if (type == null) {
            type = ValueType.STRING;
        }
        return switch (type) {
            case STRING, FILE_URL -> raw instanceof Map || raw instanceof List ? Json.compact(raw) : String.valueOf(raw);
            case CREDENTIAL_ID -> raw;
            case INTEGER -> toInteger(raw);
            case FLOAT -> toFloat(raw);
            case BOOLEAN -> toBoolean(raw);
            case JSON -> toJson(raw);
        };
    }

    private static Long toInteger(Object raw) {
        if (raw instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (d.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("cannot use " + shown(raw) + ", which is not a whole number");
            }
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("cannot use " + shown(raw) + ", which is too large for an integer");
            }
        }
        try {
            return Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot use " + shown(raw) + ", which is not a whole number");
        }
    }

    private static Double toFloat(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot use " + shown(raw) + ", which is not a number");
        }
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(raw).trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("cannot use " + shown(raw) + "; use true or false");
        };
    }

    private static Object toJson(Object raw) {
        if (!(raw instanceof String text)) {
            return raw;
        }
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot parse " + shown(raw) + " as JSON: " + e.getOriginalMessage());
        }
    }

    private static String shown(Object raw) {
        String text = String.valueOf(raw);
        return "'" + (text.length() > MAX_SHOWN_VALUE ? text.substring(0, MAX_SHOWN_VALUE) + "..." : text) + "'";
    }
}
