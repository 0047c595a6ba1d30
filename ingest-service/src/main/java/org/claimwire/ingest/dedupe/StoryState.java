package org.claimwire.ingest.dedupe;

import java.time.Instant;

/**
 * What ingest remembers about the latest published version of one uri; {@code owner} is the source that
 * created it (a writer key's source, {@code feed:<id>}, {@code drop}; null for stories stored before keys).
 */
public record StoryState(String uri, int version, Instant versionCreated, String contentHash, String pubStatus,
        String duplicateOf, int[] minhash, String owner) {
}
