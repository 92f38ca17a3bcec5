package dev.rover.core.run;

/** A downloaded file as a run response lists it: name, where to get it, SHA-256 checksum and size. */
public record FileInfo(String name, String url, String checksum, long size) {
}
