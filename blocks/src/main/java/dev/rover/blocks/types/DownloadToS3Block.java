package dev.rover.blocks.types;

import dev.rover.blocks.cloud.AwsSettings;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;

import java.util.Locale;

/**
 * {@code download_to_s3}: fetches {@code url} (http or https) into the run's downloads folder and uploads
 * it to {@code ROVER_S3_BUCKET}, like {@code upload_to_s3}. Output: the {@code s3://} URI in a list.
 */
public final class DownloadToS3Block implements BlockType {

    @Override
    public String type() {
        return "download_to_s3";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        String url = block.string("url").map(String::trim).orElse("");
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return BlockResult.failed("download_to_s3 block '" + block.label() + "' needs an http or https url, got '"
                    + context.services().secrets().redact(url) + "'");
        }
        AwsSettings aws = AwsSettings.from(context.services().environment());
        return S3Uploads.upload(block, context, aws, aws.defaultBucket(), url);
    }
}
