package org.claimwire.ingest.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimwire.ingest.IngestConfig;
import org.claimwire.ingest.IngestPipeline;
import org.claimwire.ingest.formats.NdjsonReader;
import org.claimwire.ingest.formats.RejectedInput;
import org.claimwire.ingest.formats.StoryDraft;
import org.claimwire.ingest.formats.StoryFormats;
import org.claimwire.problems.Problem;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.security.Roles;
import org.claimwire.security.WriteScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * HTTP push: one story, or an NDJSON batch of ninjs documents. Writer keys (or admin); a writer creates only
 * uris under its key's prefixes and updates or kills only uris its source created.
 */
@Path("/api/v1/stories")
@RolesAllowed(Roles.WRITER)
public class StoryResource {
    private static final String PATH = "/api/v1/stories";
    /** The CloudEvent source of stories pushed over HTTP. */
    static final String SOURCE = "ingest-service/api";

    @Inject
    IngestPipeline pipeline;
    @Inject
    IngestConfig config;
    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(operationId = "ingestStory", summary = "Push one story: ninjs JSON, NewsML-G2 XML or plain text")
    @APIResponse(responseCode = "202", description = "taken: published, or recognised as a duplicate (see status)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestAnswers.Decision.class)))
    public Response post(@HeaderParam("Content-Type") String contentType,
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                            description = "a ninjs document (1.x, 2.x or 3.x), or {headline, body}")),
                    @Content(mediaType = StoryFormats.NEWSML, schema = @Schema(type = SchemaType.STRING,
                            description = "a NewsML-G2 newsItem (or a newsMessage with one)")),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING,
                            description = "plain text; the first line is the headline"))})
            InputStream body) {
        StoryDraft draft;
        try {
            checkSupported(contentType);
            byte[] bytes = BoundedBody.read(body, config.maxStoryBytes(), "the story");
            draft = StoryFormats.parse(contentType, bytes);
        } catch (RejectedInput e) {
            pipeline.countRejected("api");
            return RejectedInputMapper.response(e, PATH);
        }
        IngestPipeline.Result r = pipeline.ingestOne(new IngestPipeline.Input(draft, null, SOURCE), "api",
                WriteScope.of(caller));
        if (r.unavailable()) {
            return Problems.retryAfter(ProblemType.BROKER_UNAVAILABLE, config.retryAfterSeconds(),
                    "the message broker did not acknowledge the story in time; nothing was accepted, retry later", PATH);
        }
        if (!r.ok()) {
            return RejectedInputMapper.response(r.error(), PATH);
        }
        return Response.accepted(answer(r)).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(operationId = "ingestBatch", summary = "Push many ninjs stories as NDJSON, one per line",
            description = "Answers counts per status and the lines that failed; `results=all` answers every line. "
                    + "More than `max-batch-lines` (10,000) non-blank lines → 413 and nothing of the batch is taken.")
    @APIResponse(responseCode = "202", description = "every line decided; the failed lines carry an error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestAnswers.Batch.class)))
    @APIResponse(responseCode = "413", description = "the batch is over the byte or line limit; nothing was taken")
    @APIResponse(responseCode = "503", description = "the broker did not take some lines; those lines say so, retry them")
    public Response batch(@HeaderParam("Content-Type") String contentType,
            @Parameter(description = "`failed` (default): counts and the failed lines; `all`: every line",
                    schema = @Schema(enumeration = {"failed", "all"}, defaultValue = "failed"))
            @QueryParam("results") String results,
            @RequestBody(required = true, content = @Content(mediaType = "application/x-ndjson", schema = @Schema(
                    type = SchemaType.STRING, description = "one ninjs document per line (UTF-8, lines end with 0x0A)")))
            InputStream body) {
        String base = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (!base.equals("application/x-ndjson") && !base.equals("application/ndjson")
                && !base.equals("application/jsonl") && !base.equals("application/json")) {
            // never text/plain: a browser may send that cross-site without asking (a CORS "simple" request)
            return RejectedInputMapper.response(new RejectedInput(RejectedInput.Kind.UNSUPPORTED_MEDIA_TYPE, "media type '" + base
                    + "' is not accepted for a batch; send application/x-ndjson (one ninjs document per line)"),
                    PATH + "/batch");
        }
        boolean all;
        if (results == null || results.isBlank() || results.equals("failed")) {
            all = false;
        } else if (results.equals("all")) {
            all = true;
        } else {
            return Problems.response(ProblemType.BAD_REQUEST, "results must be 'failed' or 'all'", PATH + "/batch");
        }
        byte[] bytes;
        try {
            // the line cap is checked while the body arrives: a million tiny lines are refused after 10,001
            NdjsonReader.LineCap cap = new NdjsonReader.LineCap(config.maxBatchLines());
            bytes = BoundedBody.read(body, config.maxBatchBytes(), "the batch", cap::accept);
            if (bytes.length == 0) {
                throw RejectedInput.malformed("no body: the batch is empty");
            }
        } catch (RejectedInput e) {
            return RejectedInputMapper.response(e, PATH + "/batch");
        }
        List<NdjsonReader.Line> lines = NdjsonReader.read(bytes, config.maxStoryBytes());
        bytes = null; // the drafts hold what is needed; let a large body go before publishing
        if (lines.isEmpty()) {
            return RejectedInputMapper.response(RejectedInput.malformed("no body: the batch has no lines"), PATH + "/batch");
        }
        List<IngestPipeline.Input> inputs = new ArrayList<>();
        for (NdjsonReader.Line line : lines) {
            if (line.ok()) {
                inputs.add(new IngestPipeline.Input(line.draft(), null, SOURCE));
            } else {
                pipeline.countRejected("batch");
            }
        }
        List<IngestPipeline.Result> decided = pipeline.ingest(inputs, "batch", WriteScope.of(caller));
        boolean unavailable = false;
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map<String, Object>> answered = new ArrayList<>();
        int k = 0;
        for (NdjsonReader.Line line : lines) {
            Map<String, Object> failed = null;
            if (!line.ok()) {
                failed = lineError(line.number(), line.refused());
            } else {
                IngestPipeline.Result r = decided.get(k++);
                if (r.unavailable()) {
                    unavailable = true;
                    failed = new LinkedHashMap<>();
                    failed.put("line", line.number());
                    failed.put("error", Problem.of(ProblemType.BROKER_UNAVAILABLE, "not acknowledged by the broker; retry", null));
                } else if (!r.ok()) {
                    failed = lineError(line.number(), r.error());
                } else {
                    counts.merge(r.outcome().wire(), 1, Integer::sum);
                    if (all) {
                        Map<String, Object> withLine = new LinkedHashMap<>();
                        withLine.put("line", line.number());
                        withLine.putAll(answer(r));
                        answered.add(withLine);
                    }
                }
            }
            if (failed != null) {
                counts.merge("error", 1, Integer::sum);
                answered.add(failed);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lines", lines.size());
        out.put("counts", counts);
        out.put("results", answered);
        Response.ResponseBuilder rb = unavailable ? Response.status(503).header("Retry-After", config.retryAfterSeconds())
                : Response.accepted();
        return rb.entity(out).type(MediaType.APPLICATION_JSON).build();
    }

    private static Map<String, Object> lineError(int line, RejectedInput e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", line);
        m.put("error", RejectedInputMapper.problem(e, null));
        return m;
    }

    static Map<String, Object> answer(IngestPipeline.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", r.uri());
        m.put("version", r.version());
        m.put("status", r.outcome().wire());
        if (r.duplicateOf() != null) {
            m.put("duplicateOf", r.duplicateOf());
        }
        return m;
    }

    private static void checkSupported(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new RejectedInput(RejectedInput.Kind.UNSUPPORTED_MEDIA_TYPE, "no Content-Type; send "
                    + StoryFormats.NINJS + ", " + StoryFormats.NEWSML + " or " + StoryFormats.TEXT);
        }
    }
}
