package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimwire.events.Enrichment;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities")
public class EntitiesResource {

    @Inject
    QueryRepository repo;

    @Inject
    QueryConfig config;

    @GET
    @Operation(operationId = "listEntities", summary = "Find entities by name, alias or title (prefix, then fuzzy), ranked by mentions")
    public Views.Page<Views.EntitySummary> list(@QueryParam("q") String q, @QueryParam("type") String type,
                                                @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return repo.entities(Params.text(q), Params.enumValue("type", type, Enrichment.EntityType.class),
                Params.text(cursor), Params.limit(limit, config));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEntity", summary = "One entity: names, titles, where each came from, counts, co-mentioned entities, claims by and about it")
    public Views.EntityDetail get(@PathParam("id") long id) {
        return repo.entity(id);
    }
}
