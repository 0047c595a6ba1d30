package org.claimwire.ingest.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    public Response post(@HeaderParam("Content-Type") String contentType, InputStream body) {
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
    @Operation(operationId = "ingestBatch", summary = "Push many ninjs stories as NDJSON, one per line; each line answered")
    @APIResponse(responseCode = "202", description = "every line decided; bad lines carry an error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestAnswers.Batch.class)))
    @APIResponse(responseCode = "503", description = "the broker did not take some lines; those lines say so, retry them")
    public Response batch(@HeaderParam("Content-Type") String contentType, InputStream body) {
        String base = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (!base.equals("application/x-ndjson") && !base.equals("application/ndjson")
                && !base.equals("application/jsonl") && !base.equals("application/json")) {
            // never text/plain: a browser may send that cross-site without asking (a CORS "simple" request)
            return RejectedInputMapper.response(new RejectedInput(RejectedInput.Kind.UNSUPPORTED_MEDIA_TYPE, "media type '" + base
                    + "' is not accepted for a batch; send application/x-ndjson (one ninjs document per line)"),
                    PATH + "/batch");
        }
        byte[] bytes;
        try {
            bytes = BoundedBody.read(body, config.maxBatchBytes(), "the batch");
            if (bytes.length == 0) {
                throw RejectedInput.malformed("no body: the batch is empty");
            }
        } catch (RejectedInput e) {
            return RejectedInputMapper.response(e, PATH + "/batch");
        }
        List<Integer> lineNumbers = new ArrayList<>();
        List<Object> perLine = new ArrayList<>();
        List<IngestPipeline.Input> inputs = new ArrayList<>();
        List<Integer> inputSlot = new ArrayList<>();
        for (NdjsonReader.Line line : NdjsonReader.read(bytes, config.maxStoryBytes())) {
            lineNumbers.add(line.number());
            if (line.ok()) {
                inputSlot.add(perLine.size());
                perLine.add(null);
                inputs.add(new IngestPipeline.Input(line.draft(), null, SOURCE));
            } else {
                perLine.add(lineError(line.number(), line.refused()));
                pipeline.countRejected("batch");
            }
        }
        if (lineNumbers.isEmpty()) {
            return RejectedInputMapper.response(RejectedInput.malformed("no body: the batch has no lines"), PATH + "/batch");
        }
        List<IngestPipeline.Result> results = pipeline.ingest(inputs, "batch", WriteScope.of(caller));
        boolean unavailable = false;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < results.size(); k++) {
            int slot = inputSlot.get(k);
            IngestPipeline.Result r = results.get(k);
            int ln = lineNumbers.get(slot);
            if (r.unavailable()) {
                unavailable = true;
                perLine.set(slot, Map.of("line", ln, "error", Problem.of(ProblemType.BROKER_UNAVAILABLE,
                        "not acknowledged by the broker; retry", null)));
            } else if (!r.ok()) {
                perLine.set(slot, lineError(ln, r.error()));
            } else {
                Map<String, Object> a = answer(r);
                Map<String, Object> withLine = new LinkedHashMap<>();
                withLine.put("line", ln);
                withLine.putAll(a);
                perLine.set(slot, withLine);
            }
        }
        for (Object o : perLine) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            String key = m.containsKey("status") ? (String) m.get("status") : "error";
            counts.merge(key, 1, Integer::sum);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lines", perLine.size());
        out.put("counts", counts);
        out.put("results", perLine);
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
