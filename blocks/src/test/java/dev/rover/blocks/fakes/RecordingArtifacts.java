package dev.rover.blocks.fakes;

import dev.rover.core.exec.RunArtifacts;
import dev.rover.core.run.ArtifactType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every artifact in memory and hands out ids {@code a_1}, {@code a_2}, ... */
public final class RecordingArtifacts implements RunArtifacts {

    /** One recorded artifact. */
    public record Recorded(String id, ArtifactType type, String blockLabel, Integer step, String fileName,
                           String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    public final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());

    @Override
    public synchronized String record(ArtifactType type, String blockLabel, Integer step, String fileName, String contentType,
                                      byte[] content) {
        String id = "a_" + (recorded.size() + 1);
        recorded.add(new Recorded(id, type, blockLabel, step, fileName, contentType, content.clone()));
        return id;
    }

    /** The artifacts of one type. */
    public List<Recorded> ofType(ArtifactType type) {
        synchronized (recorded) {
            return recorded.stream().filter(r -> r.type() == type).toList();
        }
    }

    /** The ids of all artifacts. */
    public List<String> ids() {
        synchronized (recorded) {
            return recorded.stream().map(Recorded::id).toList();
        }
    }
}
