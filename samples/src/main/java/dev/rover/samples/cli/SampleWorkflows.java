package dev.rover.samples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample workflows Maven copies from {@code samples/workflows} into the jar under
 * {@code workflows/}, read from the class path so {@code rover demo} works from the jar alone.
 */
final class SampleWorkflows {

    /** Where the workflows are on the class path. */
    static final String FOLDER = "workflows";

    /** One sample: its file name and its definition text. */
    record Sample(String fileName, String content) {
    }

    private SampleWorkflows() {
    }

    /** The order the demo tells its story in; other samples follow by file name. */
    static final List<String> STORY = List.of("orders-in-date-range.yaml", "download-invoices.yaml", "contact-form.yaml");

    /** Every {@code *.yaml} under {@code workflows/}: the {@link #STORY} first, then the rest by file name. */
    static List<Sample> load() {
        URL folder = SampleWorkflows.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("the sample workflows are missing from the class path (expected a '" + FOLDER
                    + "' folder copied from samples/workflows by the samples module's build)");
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath(FOLDER));
                } catch (FileSystemAlreadyExistsException e) {
                    return read(FileSystems.getFileSystem(uri).getPath(FOLDER));
                }
            }
            return read(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the sample workflows at " + folder + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample workflows at " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Sample> read(Path dir) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted(java.util.Comparator.comparing((Path f) -> storyIndex(f.getFileName().toString()))
                            .thenComparing(f -> f.getFileName().toString())).toList()) {
                samples.add(new Sample(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no sample workflows (*.yaml) in " + dir);
        }
        return samples;
    }

    private static int storyIndex(String fileName) {
        int i = STORY.indexOf(fileName);
        return i < 0 ? STORY.size() : i;
    }
}
