package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.claimwire.query.search.ClaimFilter;
import org.claimwire.query.search.EntityArg;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "claims")
public class ClaimsResource {

    @Inject
    QueryRepository repo;

    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Claims of current stories, newest first: who said what about whom, to whom, with what stance")
    public Views.Page<Views.ClaimView> list(
            @Parameter(description = "speaker entity id or name") @QueryParam("speaker") String speaker,
            @Parameter(description = "entity id or name the claim is about") @QueryParam("about") String about,
            @QueryParam("stance") String stance, @QueryParam("mode") String mode,
            @Parameter(description = "recipient entity id or name (also matched in the recipient text)") @QueryParam("recipient") String recipient,
            @Parameter(description = "full-text query over claim contents") @QueryParam("q") String q,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        List<Long> recipientIds = Params.entityIds(recipient, repo);
        EntityArg r = EntityArg.parse(recipient);
        ClaimFilter f = new ClaimFilter(Params.entityIds(speaker, repo), Params.entityIds(about, repo),
                Params.enumValue("stance", stance, Enrichment.Stance.class),
                Params.enumValue("mode", mode, Enrichment.Mode.class),
                recipientIds, r == null ? null : r.name(), Params.text(q), Params.time("from", from), Params.time("to", to), null);
        return repo.claims(f, Params.text(cursor), Params.limit(limit, config));
    }
}
