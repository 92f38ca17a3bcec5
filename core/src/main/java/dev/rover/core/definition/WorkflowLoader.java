package dev.rover.core.definition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.nodes.Node;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads a Skyvern-format workflow definition (YAML or JSON) into an immutable {@link Workflow}.
 * Every problem in the file is collected and thrown together as a {@link DefinitionException}
 * whose entries carry {@code file:line:column}, the field path and what is allowed. Unknown fields
 * are kept, unknown block and parameter types load; whether they can run is a separate check
 * ({@link dev.rover.core.exec.RunnabilityCheck}).
 */
public final class WorkflowLoader {

    /** The largest document read by default, in code points (about 3 MB of text). */
    public static final int DEFAULT_CODE_POINT_LIMIT = 3 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowLoader.class);

    private final int codePointLimit;
    private final BlockSchemas schemas;

    /**
     * A loader with the default size limit, checking blocks against the formats the block types on the
     * class path declare (and Skyvern's for the others): {@link BlockSchemas#fromClassPath()}.
     */
    public WorkflowLoader() {
        this(DEFAULT_CODE_POINT_LIMIT);
    }

    /** A loader that refuses documents longer than {@code codePointLimit} code points. */
    public WorkflowLoader(int codePointLimit) {
        this(codePointLimit, BlockSchemas.fromClassPath());
    }

    /** A loader checking blocks against exactly these formats. */
    public WorkflowLoader(BlockSchemas schemas) {
        this(DEFAULT_CODE_POINT_LIMIT, schemas);
    }

    /** A loader that refuses documents longer than {@code codePointLimit} code points and checks blocks against these formats. */
    public WorkflowLoader(int codePointLimit, BlockSchemas schemas) {
        if (codePointLimit <= 0) {
            throw new IllegalArgumentException("codePointLimit must be positive, was " + codePointLimit);
        }
        this.codePointLimit = codePointLimit;
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /**
     * Loads a file; problems name it as given.
     *
     * @throws DefinitionException  when the file is not a valid definition
     * @throws UncheckedIOException when it cannot be read (missing, not a regular file, larger than
     *                              {@link #maxFileBytes()}, not UTF-8), before anything is read
     */
    public Workflow load(Path file) {
        Objects.requireNonNull(file, "file");
        return load(DefinitionFiles.readText(file, "workflow definition", maxFileBytes()), file.toString());
    }

    /**
     * The largest file {@link #load(Path)} reads: {@link DefinitionFiles#DEFAULT_MAX_BYTES}, or the code point
     * limit when that is smaller (a UTF-8 file never has more code points than bytes).
     */
    public long maxFileBytes() {
        return Math.min(DefinitionFiles.DEFAULT_MAX_BYTES, codePointLimit * 4L);
    }

    /**
     * Loads definition text; {@code sourceName} is what positions in problems are prefixed with.
     *
     * @throws DefinitionException when the text is not a valid definition
     */
    public Workflow load(String content, String sourceName) {
        Objects.requireNonNull(content, "content");
        String source = sourceName == null || sourceName.isBlank() ? "<definition>" : sourceName;
        Problems problems = new Problems(source);
        Workflow workflow;
        try {
            workflow = read(content, problems);
        } catch (DefinitionException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure reading workflow definition {}", source, e);
            problems.add(problems.start(), Problems.DOCUMENT, "could not be read: " + e);
            workflow = null;
        }
        problems.throwIfAny();
        LOG.debug("Loaded workflow '{}' from {}: version {}, {} blocks", workflow.title(), source,
                workflow.version(), workflow.allBlocks().size());
        return workflow;
    }

    private Workflow read(String content, Problems problems) {
        Node root = YamlDocument.compose(content, codePointLimit, problems);
        if (root == null) {
            return null;
        }
        MappingView top = MappingView.of(root, "", problems, "the document (a map with 'title' and 'workflow_definition')");
        if (top == null) {
            return null;
        }
        String title = top.string("title", true);
        String description = top.string("description", false);
        WorkflowSettings settings = SettingsReader.read(top);
        MappingView definition = top.check("workflow_definition", true, EnumSet.of(ValueKind.MAP)) == null ? null
                : MappingView.of(top.value("workflow_definition"), "workflow_definition", problems, "workflow_definition");
        if (definition == null) {
            return null;
        }
        List<KeyReference> references = new ArrayList<>();
        Long declaredVersion = definition.integer("version", false);
        List<Parameter> parameters = new ParameterReader(problems, references)
                .read(definition.items("parameters", false), definition.path("parameters"));
        BlockReader blockReader = new BlockReader(problems, schemas, references);
        List<BlockDefinition> blocks = blockReader.readLevel(definition.items("blocks", true), definition.path("blocks"));
        TemplateCheck.checkSyntax(blocks, blockReader, problems);
        String finallyLabel = definition.string("finally_block_label", false);
        if (finallyLabel != null && blocks.stream().noneMatch(b -> b.label().equals(finallyLabel))) {
            problems.add(definition.positionOf("finally_block_label"), definition.path("finally_block_label"),
                    "finally_block_label '" + finallyLabel + "' does not name a top-level block");
        }
        Map<String, String> errorCodes = definition.stringMap("error_code_mapping");
        String systemPrompt = definition.string("workflow_system_prompt", false);
        int version = VersionRules.resolve(definition, declaredVersion, blocks, blockReader);
        List<Parameter> allParameters = withBlockOutputs(parameters, blockReader, problems);
        UrlCheck.check(blocks, blockReader, allParameters, problems);
        checkReferences(references, allParameters, problems);
        if (title == null) {
            return null;
        }
        return new Workflow(problems.source(), title, description, settings, version, allParameters, blocks,
                finallyLabel, errorCodes, systemPrompt);
    }

    /** Adds an output parameter for every block whose {@code <label>_output} is not declared. */
    private static List<Parameter> withBlockOutputs(List<Parameter> declared, BlockReader blocks, Problems problems) {
        List<Parameter> all = new ArrayList<>(declared);
        for (Map.Entry<String, SourcePosition> label : blocks.labels().entrySet()) {
            String outputKey = label.getKey() + "_output";
            Parameter existing = declared.stream().filter(p -> p.key().equals(outputKey)).findFirst().orElse(null);
            if (existing == null) {
                all.add(new Parameter.OutputParameter(outputKey, null, label.getValue()));
            } else if (!(existing instanceof Parameter.OutputParameter)) {
                problems.add(existing.position(), "workflow_definition.parameters", "parameter key '" + outputKey
                        + "' is the output of block '" + label.getKey() + "'; declare it as parameter_type: output or rename it");
            }
        }
        return all;
    }

    private static void checkReferences(List<KeyReference> references, List<Parameter> parameters, Problems problems) {
        Set<String> keys = new LinkedHashSet<>();
        parameters.forEach(p -> keys.add(p.key()));
        for (KeyReference reference : references) {
            if (!keys.contains(reference.key())) {
                problems.add(reference.position(), reference.path(), reference.field() + " names '" + reference.key()
                        + "', which is neither a declared parameter nor a block's <label>_output; known keys: "
                        + (keys.isEmpty() ? "(none)" : String.join(", ", keys)));
            }
        }
    }
}
