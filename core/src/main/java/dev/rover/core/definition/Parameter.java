package dev.rover.core.definition;

import java.util.Map;

/**
 * A parameter of a workflow definition ({@code parameter_type} discriminates). Every kind has a
 * key that templates refer to, an optional description, and the place it was declared.
 */
public sealed interface Parameter {

    String key();

    String description();

    SourcePosition position();

    /** The Skyvern {@code parameter_type} this was declared with. */
    String parameterType();

    /** A value the caller supplies when running, with its declared type and optional default. */
    record WorkflowParameter(String key, String description, ValueType valueType, Object defaultValue, SourcePosition position)
            implements Parameter {
        public String parameterType() { return "workflow"; }
    }

    /** The output of a block, {@code <label>_output}; declared explicitly or created for every block. */
    record OutputParameter(String key, String description, SourcePosition position) implements Parameter {
        public String parameterType() { return "output"; }
    }

    /** A value plucked out of another parameter or block output by key. */
    record ContextParameter(String key, String description, String sourceParameterKey, SourcePosition position)
            implements Parameter {
        public String parameterType() { return "context"; }
    }

    /** A credential from Rover's vault, by id or name. */
    record CredentialParameter(String key, String description, String credentialId, SourcePosition position)
            implements Parameter {
        public String parameterType() { return "credential"; }
    }

    /**
     * A secret held by a vendor vault ({@code aws_secret}, {@code bitwarden_*}, {@code onepassword},
     * {@code azure_*}): Rover reads it from AWS Secrets Manager when AWS is configured for an
     * {@code aws_secret}, and otherwise from its own vault under {@link #vendorKey()}.
     *
     * @param vendorKey the name the vendor knows the secret by ({@code aws_key}, the Bitwarden item, ...);
     *                  the parameter key when the file names none
     * @param fields    every other field as written
     */
    record SecretParameter(String key, String description, String parameterType, String vendorKey,
                           Map<String, Object> fields, SourcePosition position) implements Parameter {
        /** The vendor types read as one secret value (the others are logins). */
        public static final java.util.Set<String> VALUE_TYPES = java.util.Set.of("aws_secret",
                "bitwarden_sensitive_information", "bitwarden_credit_card_data", "azure_secret");
        /** The vendor types read as a login (username, password, optional TOTP). */
        public static final java.util.Set<String> LOGIN_TYPES = java.util.Set.of("bitwarden_login_credential",
                "onepassword", "azure_vault_credential");

        public SecretParameter {
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        /** Whether the value is a login (a map of placeholders) rather than one secret value. */
        public boolean login() {
            return LOGIN_TYPES.contains(parameterType);
        }
    }

    /**
     * A parameter type Rover does not implement (vendor vaults such as {@code aws_secret} or
     * {@code bitwarden_login_credential}). It loads, so the file stays usable; running a workflow
     * that declares one is refused with a message that names it.
     */
    record UnsupportedParameter(String key, String description, String parameterType, Map<String, Object> fields,
                                SourcePosition position) implements Parameter {
        public UnsupportedParameter {
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }
    }

    /** The {@code workflow_parameter_type} values. */
    enum ValueType {
        STRING("string"), INTEGER("integer"), FLOAT("float"), BOOLEAN("boolean"), JSON("json"),
        FILE_URL("file_url"), CREDENTIAL_ID("credential_id");

        private final String wireName;

        ValueType(String wireName) {
            this.wireName = wireName;
        }

        /** The name used in definition files. */
        public String wireName() {
            return wireName;
        }

        /** The type with this wire name, or null. */
        public static ValueType fromWireName(String name) {
            for (ValueType t : values()) {
                if (t.wireName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }
}
