package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SearchResource {

    @Inject
    QueryRepository repo;

    @Inject
    QueryConfig config;

    @GET
    @Operation(operationId = "search", summary = "Full-text search (english stemming) over headlines, bodies and claim contents, ranked, with snippets")
    public Views.Page<Views.SearchHit> search(@QueryParam("q") String q, @QueryParam("cursor") String cursor,
                                              @QueryParam("limit") String limit) {
        if (Params.text(q) == null) {
            throw new BadRequestProblem("q is required");
        }
        if (q.length() > 500) {
            throw new BadRequestProblem("q is longer than 500 characters");
        }
        return repo.search(q.trim(), Params.text(cursor), Params.text(limit) == null ? Math.min(10, config.api().maxLimit()) : Params.limit(limit, config));
    }
}
