package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimwire.events.EventJson;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.export.NinjsStory;
import org.claimwire.query.persistence.NotFoundException;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.claimwire.query.search.StoryFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(StoriesResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stories")
public class StoriesResource {
    static final String PATH = "/api/v1/stories";
    static final String BY_URI = "/by-uri";
    /** The media type of a story as IPTC ninjs (IPTC registers none; this is the one its users write). */
    static final String NINJS = "application/ninjs+json";

    @Inject
    QueryRepository repo;

    @Inject
    QueryConfig config;

    @GET
    @Operation(operationId = "listStories", summary = "List stories, newest first (current, usable versions)",
            description = "With ?uri= this URL answers the lookup by uri instead (GET /api/v1/stories/by-uri).")
    public Views.Page<Views.StorySummary> list(
                       @Parameter(description = "full-text query (websearch syntax)") @QueryParam("q") String q,
                       @Parameter(description = "entity id or name") @QueryParam("entity") String entity,
                       @Parameter(description = "provider/source name or feed id") @QueryParam("source") String source,
                       @QueryParam("language") String language,
                       @Parameter(description = "versionCreated >= from (ISO instant or date)") @QueryParam("from") String from,
                       @Parameter(description = "versionCreated < to (ISO instant or date)") @QueryParam("to") String to,
                       @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        StoryFilter f = new StoryFilter(Params.text(q), Params.entityIds(entity, repo), Params.text(source),
                Params.text(language), Params.time("from", from), Params.time("to", to));
        return repo.stories(f, Params.text(cursor), Params.limit(limit, config));
    }

    @GET
    @Path(BY_URI)
    @Operation(operationId = "getStoryByUri", summary = "The one story with that uri (also served as GET /api/v1/stories?uri=)")
    public Views.StoryDetail byUri(@Parameter(description = "the story's uri", required = true) @QueryParam("uri") String uri,
                                   @QueryParam("version") String version) {
        Integer v = Params.integer("version", version);
        String u = Params.text(uri);
        if (u == null) {
            throw new BadRequestProblem("uri is required");
        }
        Long id = repo.storyIdByUri(u.trim());
        if (id == null) {
            throw new NotFoundException("no story with uri " + u.trim(), false);
        }
        return repo.story(id, v);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getStory", summary = "One story with its entities, highlighted mentions and claims (?version= for an older version)")
    @Produces({MediaType.APPLICATION_JSON, NINJS})
    @APIResponse(responseCode = "200", description = "the story; with ?format=ninjs the same story as IPTC ninjs 3.1",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.StoryDetail.class)),
                    @Content(mediaType = NINJS, schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                            description = "IPTC ninjs 3.1 (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json): entities in "
                                    + "people/organisations/places/subjects, claims in the description with role claimwire:claims"))})
    public Response get(@PathParam("id") long id, @QueryParam("version") String version,
                        @Parameter(description = "json (default) or ninjs", schema = @Schema(enumeration = {"json", "ninjs"}))
                        @QueryParam("format") String format) {
        Views.StoryDetail story = repo.story(id, Params.integer("version", version));
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return Response.ok(story, MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (format.equalsIgnoreCase("ninjs")) {
            return Response.ok(NinjsStory.of(story, EventJson.mapper()).toString(), NINJS).build();
        }
        throw new BadRequestProblem("format must be json or ninjs");
    }
}
