package dev.rover.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.json.Json;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.FileInfo;
import dev.rover.core.run.Run;
import dev.rover.core.run.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Skyvern's answer shapes built from Rover's records: the run response ({@code rover runs show}'s JSON
 * plus Skyvern's {@code modified_at}, {@code run_request}, {@code downloaded_files} keys and an
 * {@code app_url} pointing at this server's run page), timeline nodes and artifacts with their content URL.
 */
final class RunResponses {

    private RunResponses() {
    }

    /**
     * The run response.
     *
     * @param base      this server's base URL as the caller reached it ({@code http://host:port})
     * @param downloads the run's download artifacts, to give each downloaded file its artifact id
     */
    static ObjectNode run(Run run, String base, List<ArtifactRecord> downloads) {
        ObjectNode node = Json.mapper().valueToTree(run);
        node.put("modified_at", modifiedAt(run).toString());
        node.put("app_url", base + "/#/runs/" + run.runId());
        node.put("report_url", run.appUrl());
        Map<String, ArtifactRecord> byUri = downloads.stream()
                .collect(Collectors.toMap(ArtifactRecord::uri, Function.identity(), (a, b) -> b));
        ArrayNode files = node.putArray("downloaded_files");
        for (FileInfo file : run.downloadedFiles()) {
            ArtifactRecord artifact = byUri.get(file.url());
            ObjectNode f = files.addObject();
            f.put("url", artifact == null ? file.url() : base + "/v1/artifacts/" + artifact.artifactId() + "/content");
            f.put("checksum", file.checksum());
            f.put("filename", file.name());
            f.put("file_size", file.size());
            f.put("modified_at", artifact == null ? null : artifact.createdAt().toString());
            f.put("artifact_id", artifact == null ? null : artifact.artifactId());
            f.put("name", file.name());
            f.put("size", file.size());
        }
        ObjectNode request = node.putObject("run_request");
        request.set("parameters", Json.mapper().valueToTree(run.parameters()));
        request.put("title", run.title());
        request.put("webhook_url", run.webhookUrl());
        return node;
    }

    /** The latest moment the run changed: its end, else its start, queueing or creation. */
    static Instant modifiedAt(Run run) {
        return Stream.of(run.finishedAt(), run.startedAt(), run.queuedAt(), run.createdAt())
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
    }

    /** A timeline node as Skyvern's WorkflowRunTimeline (type, block or thought, children, times) plus Rover's fields. */
    static ObjectNode timeline(TimelineEntry entry, String base) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", entry.type().wireName());
        ObjectNode details = Json.mapper().createObjectNode();
        details.put("label", entry.label());
        details.put("status", entry.status());
        details.set("output", Json.mapper().valueToTree(entry.output()));
        details.put("failure_reason", entry.failureReason());
        details.put("reasoning", entry.reasoning());
        details.put("duration_ms", entry.durationMs());
        ArrayNode artifacts = details.putArray("artifacts");
        entry.artifactIds().forEach(id -> artifacts.addObject().put("artifact_id", id)
                .put("content_url", base + "/v1/artifacts/" + id + "/content"));
        switch (entry.type()) {
            case BLOCK -> node.set("block", details);
            case THOUGHT -> node.set("thought", details);
            case STEP -> node.set("step", details);
            case ACTION -> node.set("action", details);
            default -> throw new IllegalStateException("timeline type " + entry.type());
        }
        node.put("created_at", entry.startedAt() == null ? null : entry.startedAt().toString());
        Instant modified = entry.finishedAt() != null ? entry.finishedAt() : entry.startedAt();
        node.put("modified_at", modified == null ? null : modified.toString());
        ArrayNode children = node.putArray("children");
        entry.children().forEach(child -> children.add(timeline(child, base)));
        return node;
    }

    /** Skyvern's Artifact with Rover's content type and a URL to fetch the content from this server. */
    static ObjectNode artifact(ArtifactRecord a, String base) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("artifact_id", a.artifactId());
        node.put("artifact_type", a.type().wireName());
        node.put("uri", a.uri());
        node.putNull("checksum");
        node.put("file_size", a.size());
        node.put("run_id", a.runId().value());
        node.put("step_id", a.step() == null ? null : a.blockLabel() + "#" + a.step());
        node.put("workflow_run_block_id", a.blockLabel());
        node.put("signed_url", base + "/v1/artifacts/" + a.artifactId() + "/content");
        node.put("content_type", a.contentType());
        node.put("created_at", a.createdAt() == null ? null : a.createdAt().toString());
        node.put("modified_at", a.createdAt() == null ? null : a.createdAt().toString());
        return node;
    }
}
