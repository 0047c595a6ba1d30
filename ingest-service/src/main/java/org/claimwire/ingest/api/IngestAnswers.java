package org.claimwire.ingest.api;

import java.util.List;
import java.util.Map;
import org.claimwire.problems.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies ingest answers a push with, for the OpenAPI document and generated clients. StoryResource writes
 * them as maps; IngestServiceTest reads real answers into these records, refusing unknown fields, so the
 * description cannot drift from what is sent.
 */
public final class IngestAnswers {
    private IngestAnswers() {
    }

    @Schema(name = "IngestDecision", description = "What ingest decided for one story")
    public record Decision(String uri, int version,
                           @Schema(enumeration = {"accepted", "duplicate", "near_duplicate", "updated", "stale"},
                                   description = "accepted, updated and near_duplicate are published; duplicate and "
                                           + "stale are not") String status,
                           @Schema(description = "uri of the published story this one is a syndicated copy of")
                           String duplicateOf) {
    }

    @Schema(name = "BatchLine", description = "One NDJSON line's outcome: a decision, or an error as problem details")
    public record Line(int line, String uri, Integer version, String status, String duplicateOf, Problem error) {
    }

    @Schema(name = "BatchAnswer")
    public record Batch(@Schema(description = "non-blank lines read") int lines,
                        @Schema(description = "lines per status, and `error`") Map<String, Integer> counts,
                        @Schema(description = "the failed lines, in order; every line with `results=all`")
                        List<Line> results) {
    }
}
