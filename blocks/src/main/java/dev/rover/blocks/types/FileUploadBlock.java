package dev.rover.blocks.types;

import dev.rover.blocks.cloud.AwsSettings;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.exec.RunSecrets;

import java.util.Locale;

/**
 * {@code file_upload}: uploads {@code path} (default: every file the run downloaded) to storage the block
 * names: {@code storage_type: s3} with {@code s3_bucket}, {@code region_name} and the keys
 * {@code aws_access_key_id} / {@code aws_secret_access_key} (usually templates of secret parameters;
 * their placeholders are resolved only for the upload). Without keys, Rover's AWS environment is used.
 */
public final class FileUploadBlock implements BlockType {

    @Override
    public String type() {
        return "file_upload";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        String storage = block.string("storage_type").map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).orElse("s3");
        if (!storage.equals("s3")) {
            return BlockResult.failed("file_upload block '" + block.label() + "': storage_type '" + storage
                    + "' is not supported; Rover uploads to s3");
        }
        RunSecrets secrets = context.services().secrets();
        AwsSettings aws = AwsSettings.from(context.services().environment());
        String keyId = field(block, "aws_access_key_id", secrets);
        String secretKey = field(block, "aws_secret_access_key", secrets);
        String region = field(block, "region_name", secrets);
        if ((keyId == null) != (secretKey == null)) {
            return BlockResult.failed("file_upload block '" + block.label()
                    + "' needs both aws_access_key_id and aws_secret_access_key, or neither");
        }
        if (keyId != null) {
            aws = aws.withKeys(keyId, secretKey, region);
        } else if (region != null) {
            aws = new AwsSettings(region, aws.accessKeyId(), aws.secretAccessKey(), aws.sessionToken(), aws.s3Endpoint(),
                    aws.secretsEndpoint(), aws.defaultBucket());
        }
        String bucket = block.string("s3_bucket").filter(s -> !s.isBlank()).orElse(aws.defaultBucket());
        String path = block.string("path").filter(s -> !s.isBlank()).orElse(RunFiles.DOWNLOAD_DIRECTORY);
        return S3Uploads.upload(block, context, aws, bucket, path);
    }

    private static String field(BlockDefinition block, String name, RunSecrets secrets) {
        return block.string(name).map(String::trim).filter(s -> !s.isEmpty()).map(secrets::resolve).orElse(null);
    }
}
