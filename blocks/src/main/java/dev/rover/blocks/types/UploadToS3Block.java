package dev.rover.blocks.types;

import dev.rover.blocks.cloud.AwsSettings;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

/**
 * {@code upload_to_s3}: uploads {@code path} (a file, a folder's files, or {@code SKYVERN_DOWNLOAD_DIRECTORY})
 * to the bucket {@code ROVER_S3_BUCKET} with the AWS settings of Rover's environment (Skyvern uploads to its
 * own configured bucket the same way). Output: the {@code s3://} URIs.
 */
public final class UploadToS3Block implements BlockType {

    @Override
    public String type() {
        return "upload_to_s3";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        AwsSettings aws = AwsSettings.from(context.services().environment());
        String path = block.string("path").filter(s -> !s.isBlank()).orElse(RunFiles.DOWNLOAD_DIRECTORY);
        return S3Uploads.upload(block, context, aws, aws.defaultBucket(), path);
    }
}
