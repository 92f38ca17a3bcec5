package dev.rover.core.exec;


import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.SourcePosition;
import dev.rover.core.definition.Workflow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a loaded workflow can run here: every block type needs a {@link BlockType}
 * implementation and every parameter a type Rover supports. Loading accepts anything well-formed;
 * this is where unsupported constructs are named, with what is supported instead.
 */
public final class RunnabilityCheck {

    /** The parameter types core implements itself. */
    public static final List<String> SUPPORTED_PARAMETER_TYPES = List.of("workflow", "output", "context", "credential",
            "aws_secret", "bitwarden_login_credential", "bitwarden_sensitive_information", "bitwarden_credit_card_data",
            "onepassword", "azure_secret", "azure_vault_credential");

    private final List<String> blockTypes;

    /** A check against an explicit set of implementations. */
    public RunnabilityCheck(Collection<? extends BlockType> implementations) {
        Set<String> types = new TreeSet<>();
        for (BlockType implementation : Objects.requireNonNull(implementations, "implementations")) {
            types.add(implementation.type());
        }
        this.blockTypes = List.copyOf(types);
    }

    /** A check against the implementations registered through {@link ServiceLoader} on the class path. */
    public static RunnabilityCheck fromServiceLoader() {
        return fromServiceLoader(Thread.currentThread().getContextClassLoader());
    }

    /** A check against the implementations a class loader's {@link ServiceLoader} finds. */
    public static RunnabilityCheck fromServiceLoader(ClassLoader classLoader) {
        List<BlockType> found = new ArrayList<>();
        ServiceLoader.load(BlockType.class, classLoader).forEach(found::add);
        return new RunnabilityCheck(found);
    }

    /** The block types that have an implementation, sorted. */
    public List<String> supportedBlockTypes() {
        return blockTypes;
    }

    /** Every block (nested ones included) and parameter that cannot run, in file order. */
    public List<Unsupported> check(Workflow workflow) {
        List<Unsupported> unsupported = new ArrayList<>();
        for (Parameter parameter : workflow.parameters()) {
            if (parameter instanceof Parameter.UnsupportedParameter p) {
                unsupported.add(new Unsupported(Unsupported.PARAMETER, p.key(), p.parameterType(), p.position(),
                        SUPPORTED_PARAMETER_TYPES));
            }
        }
        for (BlockDefinition block : workflow.allBlocks()) {
            if (!blockTypes.contains(block.blockType())) {
                unsupported.add(new Unsupported(Unsupported.BLOCK, block.label(), block.blockType(), block.position(),
                        blockTypes));
            }
        }
        return unsupported;
    }

    /**
     * Returns normally when everything can run.
     *
     * @throws NotRunnableException listing every unsupported block and parameter
     */
    public void requireRunnable(Workflow workflow) {
        List<Unsupported> unsupported = check(workflow);
        if (!unsupported.isEmpty()) {
            throw new NotRunnableException(workflow.title(), unsupported);
        }
    }

    /**
     * A block or parameter that cannot run.
     *
     * @param kind      {@code "block"} or {@code "parameter"}
     * @param name      the block label or parameter key
     * @param type      its block_type or parameter_type
     * @param position  where it is declared
     * @param supported what is supported for this kind
     */
    public record Unsupported(String kind, String name, String type, SourcePosition position, List<String> supported) {

        public static final String BLOCK = "block";
        public static final String PARAMETER = "parameter";

        public Unsupported {
            supported = List.copyOf(supported);
        }

        /** What cannot run and what would: the label or key, its type and the supported types. */
        public String reason() {
            String field = BLOCK.equals(kind) ? "block_type" : "parameter_type";
            return kind + " '" + name + "' uses " + field + " '" + type + "', which Rover does not support yet (supported: "
                    + (supported.isEmpty() ? "none" : String.join(", ", supported)) + ")";
        }

        /** The reason prefixed with where it is declared ({@code file:line:col: ...}). */
        public String describe() {
            return position + ": " + reason();
        }
    }
}
