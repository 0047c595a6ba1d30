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

@Path("/api/v1/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stories")
public class StoriesResource {

    @Inject
    QueryRepository repo;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "List stories, newest first (current, usable versions); with ?uri= the one story with that uri")
    public Object list(@Parameter(description = "full-text query (websearch syntax)") @QueryParam("q") String q,
                       @Parameter(description = "entity id or name") @QueryParam("entity") String entity,
                       @Parameter(description = "provider/source name or feed id") @QueryParam("source") String source,
                       @QueryParam("language") String language,
                       @Parameter(description = "versionCreated >= from (ISO instant or date)") @QueryParam("from") String from,
                       @Parameter(description = "versionCreated < to (ISO instant or date)") @QueryParam("to") String to,
                       @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                       @Parameter(description = "look one story up by uri") @QueryParam("uri") String uri,
                       @QueryParam("version") Integer version) {
        if (Params.text(uri) != null) {
            Long id = repo.storyIdByUri(uri.trim());
            if (id == null) {
                throw new NotFoundException("no story with uri " + uri.trim(), false);
            }
            return repo.story(id, version);
        }
        StoryFilter f = new StoryFilter(Params.text(q), Params.entityIds(entity, repo), Params.text(source),
                Params.text(language), Params.time("from", from), Params.time("to", to));
        return repo.stories(f, Params.text(cursor), Params.limit(limit, config));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story with its entities, highlighted mentions and claims (?version= for an older version)")
    public Views.StoryDetail get(@PathParam("id") long id, @QueryParam("version") Integer version) {
        return repo.story(id, version);
    }
}
