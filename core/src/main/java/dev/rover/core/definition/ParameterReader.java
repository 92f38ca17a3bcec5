package dev.rover.core.definition;

import dev.rover.core.definition.Parameter.ValueType;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code workflow_definition.parameters} into typed {@link Parameter}s; vendor vault and other
 * unknown parameter types become {@link Parameter.UnsupportedParameter} so the file still loads.
 */
final class ParameterReader {

    private static final Set<String> COMMON = Set.of("key", "parameter_type", "description");
    private static final String VALUE_TYPES = Arrays.stream(ValueType.values()).map(ValueType::wireName)
            .collect(Collectors.joining(", "));

    private final Problems problems;
    private final List<KeyReference> references;
    private final Map<String, SourcePosition> declared = new LinkedHashMap<>();

    ParameterReader(Problems problems, List<KeyReference> references) {
        this.problems = problems;
        this.references = references;
    }

    List<Parameter> read(List<Node> items, String path) {
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MappingView view = MappingView.of(items.get(i), Nodes.index(path, i), problems, "a parameter");
            if (view != null) {
                Parameter parameter = read(view);
                if (parameter != null) {
                    parameters.add(parameter);
                }
            }
        }
        return parameters;
    }

    private Parameter read(MappingView view) {
        String key = view.string("key", true);
        String type = view.string("parameter_type", true);
        String description = view.string("description", false);
        if (key != null) {
            checkKey(view, key);
        }
        if (key == null || type == null) {
            return null;
        }
        SourcePosition at = view.position();
        return switch (type) {
            case "workflow" -> workflowParameter(view, key, description);
            case "output" -> new Parameter.OutputParameter(key, description, at);
            case "context" -> {
                String source = view.string("source_parameter_key", true);
                if (source != null) {
                    references.add(new KeyReference(source, "source_parameter_key",
                            view.positionOf("source_parameter_key"), view.path("source_parameter_key")));
                }
                yield new Parameter.ContextParameter(key, description, source, at);
            }
            case "credential" -> new Parameter.CredentialParameter(key, description,
                    view.string("credential_id", true), at);
            default -> Parameter.SecretParameter.VALUE_TYPES.contains(type) || Parameter.SecretParameter.LOGIN_TYPES.contains(type)
                    ? secretParameter(view, key, description, type)
                    : new Parameter.UnsupportedParameter(key, description, type, otherFields(view), at);
        };
    }

    /** The field each vendor type names its secret by; the first one present wins. */
    private static final Map<String, List<String>> VENDOR_KEYS = Map.of(
            "aws_secret", List.of("aws_key"),
            "bitwarden_login_credential", List.of("bitwarden_item_id", "bitwarden_collection_id"),
            "bitwarden_sensitive_information", List.of("bitwarden_identity_key", "bitwarden_item_id"),
            "bitwarden_credit_card_data", List.of("bitwarden_item_id"),
            "onepassword", List.of("item_id"),
            "azure_secret", List.of("azure_key"),
            "azure_vault_credential", List.of("azure_vault_name", "item_id"));

    private Parameter secretParameter(MappingView view, String key, String description, String type) {
        Map<String, Object> fields = otherFields(view);
        String vendorKey = null;
        for (String field : VENDOR_KEYS.getOrDefault(type, List.of())) {
            Object v = fields.get(field);
            if (v instanceof String s && !s.isBlank() && !"SECRET".equals(s)) {
                vendorKey = s.trim();
                break;
            }
        }
        if ("aws_secret".equals(type) && vendorKey == null) {
            problems.add(view.position(), view.path("aws_key"), "aws_secret parameter '" + key + "' needs aws_key");
        }
        return new Parameter.SecretParameter(key, description, type, vendorKey == null ? key : vendorKey, fields,
                view.position());
    }

    private void checkKey(MappingView view, String key) {
        SourcePosition at = view.positionOf("key");
        if (!Identifiers.isIdentifier(key)) {
            problems.add(at, view.path("key"), "parameter key '" + key + "' is not an identifier; "
                    + Identifiers.IDENTIFIER_RULE);
        } else if (Identifiers.isReserved(key)) {
            problems.add(at, view.path("key"), "parameter key '" + key + "' is reserved; reserved keys: "
                    + String.join(", ", Identifiers.RESERVED_KEYS));
        }
        SourcePosition first = declared.putIfAbsent(key, at);
        if (first != null) {
            problems.add(at, view.path("key"), "parameter key '" + key + "' is already declared at line "
                    + first.line() + "; parameter keys must be unique");
        }
    }

    private Parameter workflowParameter(MappingView view, String key, String description) {
        String typeName = view.string("workflow_parameter_type", true);
        ValueType valueType = null;
        if (typeName != null) {
            valueType = ValueType.fromWireName(typeName);
            if (valueType == null) {
                problems.add(view.positionOf("workflow_parameter_type"), view.path("workflow_parameter_type"),
                        "unknown workflow_parameter_type '" + typeName + "'; allowed: " + VALUE_TYPES);
            }
        }
        Object defaultValue = null;
        Node defaultNode = view.value("default_value");
        if (!Nodes.isNull(defaultNode)) {
            defaultValue = Nodes.toValue(defaultNode, view.path("default_value"), problems);
            if (valueType != null) {
                defaultValue = checkDefault(view, valueType, defaultNode, defaultValue);
            }
        }
        return new Parameter.WorkflowParameter(key, description, valueType, defaultValue, view.position());
    }

    /** The default converted to the declared type, reporting one that cannot be. */
    private Object checkDefault(MappingView view, ValueType type, Node node, Object value) {
        ValueKind expected = switch (type) {
            case STRING, FILE_URL, CREDENTIAL_ID -> ValueKind.STRING;
            case INTEGER -> ValueKind.INTEGER;
            case FLOAT -> ValueKind.NUMBER;
            case BOOLEAN -> ValueKind.BOOLEAN;
            case JSON -> null;
        };
        if (expected == null || expected.accepts(Nodes.kindOf(node))) {
            return type == ValueType.FLOAT && value instanceof Long l ? Double.valueOf(l) : value;
        }
        Object fromText = value instanceof String s ? fromText(type, s.trim()) : null;
        if (fromText != null) {
            return fromText;
        }
        problems.add(node, view.path("default_value"), "default_value does not match workflow_parameter_type '"
                + type.wireName() + "': expected " + ValueKind.describe(EnumSet.of(expected)) + ", found "
                + Nodes.describe(node));
        return value;
    }

    /** Skyvern files often quote numbers and booleans; accept text that reads cleanly as the type. */
    private static Object fromText(ValueType type, String text) {
        switch (type) {
            case INTEGER:
                return text.matches("[-+]?\\d+") ? Nodes.parseLong(text) : null;
            case FLOAT:
                return text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?") ? Double.valueOf(text) : null;
            case BOOLEAN:
                return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
            default:
                return null;
        }
    }

    private Map<String, Object> otherFields(MappingView view) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : view.keys()) {
            if (!COMMON.contains(name)) {
                fields.put(name, Nodes.toValue(view.value(name), view.path(name), problems));
            }
        }
        return fields;
    }
}
