package org.claimwire.query.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoints; every one requires an admin key (see the README's Security section). */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminResource {

    @Inject
    QueryRepository repo;

    @GET
    @Path("/stats")
    @Operation(operationId = "getStoreStats", summary = "Row counts of the query store (admin key required)")
    public Map<String, Long> stats() {
        return repo.stats();
    }

    @POST
    @Path("/stream/prune")
    @Operation(operationId = "pruneStream", summary = "Delete all but the newest `keep` live-stream events (admin key required)")
    public Map<String, Integer> prune(@QueryParam("keep") String keep) {
        Long n = Params.longValue("keep", keep);
        if (n == null || n < 0) {
            throw new BadRequestProblem("keep (the number of newest stream events to keep) is required and >= 0");
        }
        return Map.of("deleted", repo.pruneStream(n));
    }
}
