package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.NotFoundException;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.claimwire.query.search.StoryFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(StoriesResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stories")
public class StoriesResource {
    static final String PATH = "/api/v1/stories";
    static final String BY_URI = "/by-uri";

    @Inject
    QueryRepository repo;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "List stories, newest first (current, usable versions)",
            description = "With ?uri= this URL answers the lookup by uri instead (GET /api/v1/stories/by-uri).")
    public Views.Page<Views.StorySummary> list(
                       @Parameter(description = "full-text query (websearch syntax)") @QueryParam("q") String q,
                       @Parameter(description = "entity id or name") @QueryParam("entity") String entity,
                       @Parameter(description = "provider/source name or feed id") @QueryParam("source") String source,
                       @QueryParam("language") String language,
                       @Parameter(description = "versionCreated >= from (ISO instant or date)") @QueryParam("from") String from,
                       @Parameter(description = "versionCreated < to (ISO instant or date)") @QueryParam("to") String to,
                       @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        StoryFilter f = new StoryFilter(Params.text(q), Params.entityIds(entity, repo), Params.text(source),
                Params.text(language), Params.time("from", from), Params.time("to", to));
        return repo.stories(f, Params.text(cursor), Params.limit(limit, config));
    }

    @GET
    @Path(BY_URI)
    @Operation(summary = "The one story with that uri (also served as GET /api/v1/stories?uri=)")
    public Views.StoryDetail byUri(@Parameter(description = "the story's uri", required = true) @QueryParam("uri") String uri,
                                   @QueryParam("version") Integer version) {
        String u = Params.text(uri);
        if (u == null) {
            throw new BadRequestProblem("uri is required");
        }
        Long id = repo.storyIdByUri(u.trim());
        if (id == null) {
            throw new NotFoundException("no story with uri " + u.trim(), false);
        }
        return repo.story(id, version);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story with its entities, highlighted mentions and claims (?version= for an older version)")
    public Views.StoryDetail get(@PathParam("id") long id, @QueryParam("version") Integer version) {
        return repo.story(id, version);
    }
}
