package dev.rover.blocks.types;

import dev.rover.blocks.cloud.AwsSettings;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Uploads files to S3 for {@code upload_to_s3}, {@code download_to_s3} and {@code file_upload}: each file
 * goes to {@code <run id>/<file name>} in the bucket, and the block's output is the list of
 * {@code s3://bucket/key} URIs.
 */
final class S3Uploads {

    private S3Uploads() {
    }

    /** Uploads the files a reference names (a folder's files, a file, a URL) and returns the block's result. */
    static BlockResult upload(BlockDefinition block, BlockContext context, AwsSettings aws, String bucket, String reference)
            throws InterruptedException {
        String where = block.blockType() + " block '" + block.label() + "'";
        if (bucket == null || bucket.isBlank()) {
            return BlockResult.failed(where + " has no bucket: set ROVER_S3_BUCKET in Rover's environment"
                    + ("file_upload".equals(block.blockType()) ? " or s3_bucket on the block" : ""));
        }
        if (!aws.configured()) {
            return BlockResult.failed(where + " needs AWS credentials: " + AwsSettings.REQUIRED + " in Rover's environment"
                    + ("file_upload".equals(block.blockType()) ? ", or aws_access_key_id, aws_secret_access_key and region_name on the block" : ""));
        }
        List<Path> files;
        try {
            files = RunFiles.files(reference, context.services());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return BlockResult.failed(context.services().secrets().redact(where + " could not read '" + reference + "': " + e.getMessage()));
        }
        List<String> uris = new ArrayList<>();
        try (S3Client s3 = aws.s3()) {
            for (Path file : files) {
                String key = context.runId() + "/" + file.getFileName();
                s3.putObject(r -> r.bucket(bucket).key(key).contentLength(size(file)), RequestBody.fromFile(file));
                uris.add("s3://" + bucket + "/" + key);
            }
        } catch (SdkException e) {
            return BlockResult.failed(context.services().secrets().redact(where + " could not upload to bucket '" + bucket
                    + "': " + e.getMessage()));
        }
        return BlockResult.completed(uris);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the size of " + file, e);
        }
    }
}
