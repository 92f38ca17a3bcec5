package dev.rover.core.page;

import java.nio.file.Path;

/**
 * A file the browser downloaded during a run, saved in the run's download folder.
 *
 * @param name      the file name (the server's suggestion, or the block's {@code download_suffix})
 * @param path      where it was saved
 * @param size      size in bytes
 * @param sha256    hex SHA-256 of the content
 * @param sourceUrl the URL it came from
 */
public record DownloadedFile(String name, Path path, long size, String sha256, String sourceUrl) {
}
