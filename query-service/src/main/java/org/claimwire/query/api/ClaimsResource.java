package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;
import org.claimwire.events.Enrichment;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.ClaimExport;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.claimwire.query.search.ClaimFilter;
import org.claimwire.query.search.EntityArg;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/claims")
@Tag(name = "claims")
public class ClaimsResource {
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    @Inject
    QueryRepository repo;

    @Inject
    ClaimExport export;

    @Inject
    QueryConfig config;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, NDJSON, "application/ndjson"})
    @Operation(operationId = "listClaims", summary = "Claims of current stories, newest first: who said what about whom, to whom, with what stance",
            description = "JSON: one page `{items, nextCursor}`. With `format=csv` or `format=ndjson` (or `Accept: text/csv` / "
                    + "`application/x-ndjson`) every matching claim is streamed, newest first, with no row cap (`limit` "
                    + "caps it only when given; `cursor` starts after a page). NDJSON: one claim per line, the same "
                    + "object as a JSON item. CSV (RFC 4180, UTF-8, header row) columns: claim_id, said_at (ISO-8601 "
                    + "instant), kind, stance, mode, speaker_id, speaker (entity name), speaker_text (as written), cue, "
                    + "content, recipient_id, recipient, recipient_text, about_ids (entity ids, space-separated), "
                    + "time_text, time_normalized, check_worthiness, confidence, story_id, story_uri, story_version, "
                    + "headline, source (provider), language.")
    @APIResponse(responseCode = "200", description = "a page of claims, or every match as CSV / NDJSON", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClaimPage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = Views.ClaimView.class))})
    public Response list(
            @Parameter(description = "speaker entity id or name") @QueryParam("speaker") String speaker,
            @Parameter(description = "entity id or name the claim is about") @QueryParam("about") String about,
            @Parameter(schema = @Schema(implementation = Enrichment.Stance.class)) @QueryParam("stance") String stance,
            @Parameter(schema = @Schema(implementation = Enrichment.Mode.class)) @QueryParam("mode") String mode,
            @Parameter(schema = @Schema(implementation = Enrichment.Kind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "recipient entity id or name (also matched in the recipient text)") @QueryParam("recipient") String recipient,
            @Parameter(description = "the story's provider (case-insensitive) or feed id") @QueryParam("source") String source,
            @Parameter(description = "the story's language, e.g. en") @QueryParam("language") String language,
            @Parameter(description = "full-text query over claim contents") @QueryParam("q") String q,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @Parameter(description = "json (default), csv or ndjson; overrides Accept") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ClaimExport.Format streamed = streamedFormat(format, accept);
        List<Long> recipientIds = Params.entityIds(recipient, repo);
        EntityArg r = EntityArg.parse(recipient);
        ClaimFilter f = new ClaimFilter(Params.entityIds(speaker, repo), Params.entityIds(about, repo),
                Params.enumValue("stance", stance, Enrichment.Stance.class),
                Params.enumValue("mode", mode, Enrichment.Mode.class),
                recipientIds, r == null ? null : r.name(), Params.text(q), Params.time("from", from), Params.time("to", to), null,
                Params.enumValue("kind", kind, Enrichment.Kind.class), Params.text(source),
                Params.text(language) == null ? null : language.trim().toLowerCase(Locale.ROOT));
        if (streamed == null) {
            return Response.ok(repo.claims(f, Params.text(cursor), Params.limit(limit, config)), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        Integer max = Params.integer("limit", limit);
        if (max != null && max < 1) {
            throw new BadRequestProblem("limit must be at least 1");
        }
        String c = Params.text(cursor);
        StreamingOutput body = out -> export.write(f, c, max, streamed, out);
        boolean csv = streamed == ClaimExport.Format.CSV;
        return Response.ok(body, csv ? CSV + "; charset=utf-8" : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"claims." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    /** CSV or NDJSON when asked for by {@code format} or (without it) by Accept; null for a JSON page. */
    static ClaimExport.Format streamedFormat(String format, String accept) {
        String f = Params.text(format);
        if (f != null) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "json" -> null;
                case "csv" -> ClaimExport.Format.CSV;
                case "ndjson", "jsonl" -> ClaimExport.Format.NDJSON;
                default -> throw new BadRequestProblem("format must be json, csv or ndjson");
            };
        }
        if (accept == null || accept.contains(MediaType.APPLICATION_JSON)) {
            return null;
        }
        if (accept.contains(CSV)) {
            return ClaimExport.Format.CSV;
        }
        if (accept.contains("ndjson")) {
            return ClaimExport.Format.NDJSON;
        }
        return null;
    }

    /** The JSON page, for the OpenAPI description. */
    record ClaimPage(List<Views.ClaimView> items, String nextCursor) {
    }
}
