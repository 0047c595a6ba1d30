package org.claimwire.query.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimwire.events.Enrichment;
import org.claimwire.query.config.QueryConfig;
import org.claimwire.query.analysis.Buckets;
import org.claimwire.query.persistence.AnalystRepository;
import org.claimwire.query.persistence.AnalystViews;
import org.claimwire.query.persistence.QueryRepository;
import org.claimwire.query.persistence.Views;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities")
public class EntitiesResource {

    @Inject
    QueryRepository repo;

    @Inject
    QueryConfig config;

    @Inject
    AnalystRepository analyst;

    @GET
    @Operation(operationId = "listEntities", summary = "Find entities by name, alias or title (prefix, then fuzzy), ranked by mentions; each with its titles")
    public Views.Page<EntityItem> list(@QueryParam("q") String q, @QueryParam("type") String type,
                                       @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Views.Page<Views.EntitySummary> page = repo.entities(Params.text(q), Params.enumValue("type", type, Enrichment.EntityType.class),
                Params.text(cursor), Params.limit(limit, config));
        Map<Long, List<String>> titles = analyst.titles(page.items().stream().map(Views.EntitySummary::id).toList());
        return new Views.Page<>(page.items().stream().map(e -> new EntityItem(e.id(), e.name(), e.type(),
                titles.getOrDefault(e.id(), List.of()), e.mentionCount(), e.storyCount())).toList(), page.nextCursor());
    }

    /** A listed entity: with its titles (most used first), so that two people of the same name can be told apart. */
    public record EntityItem(long id, String name, String type, List<String> titles, long mentionCount, long storyCount) {
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(operationId = "getEntityTimeline", summary = "Stance over time: the entity's claims counted by stance per day, week or month (UTC; weeks "
            + "start on Monday), every bucket from the first claim to the last",
            description = "`{entity: {id, name, type, titles}, bucket, about?, series: [{start, counts: {ASSERTS: n, DENIES: n, "
                    + "NEITHER_CONFIRMS_NOR_DENIES: n, DECLINES_TO_COMMENT: n, NO_RESPONSE: n, UNCLASSIFIED: n}}]}`")
    public AnalystViews.Timeline timeline(@PathParam("id") long id,
                                          @Parameter(description = "day, week (default) or month") @QueryParam("bucket") String bucket,
                                          @Parameter(description = "only claims about this entity (id or name)") @QueryParam("about") String about) {
        Buckets b = Buckets.WEEK;
        if (Params.text(bucket) != null) {
            try {
                b = Buckets.valueOf(bucket.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestProblem("bucket must be day, week or month");
            }
        }
        return analyst.timeline(id, b, Params.entityIds(about, repo));
    }

    @GET
    @Path("/{id}/exchanges")
    @Operation(operationId = "getEntityExchanges", summary = "Who answers whom: the entity's newest claims, each grouped with claims by other speakers with "
            + "a different stance on the same matter (entities or words in common, close in time), each claim with its story",
            description = "`{entity, items: [{claims: [the entity's claims…, the answers…], about: [entities], reason}]}`. "
                    + "Looks at the entity's 40 newest claims (from/to choose another span) and answers within `window` "
                    + "days of each (default 7). A non-committal answer (neither confirms nor denies, declines to comment, "
                    + "no response) takes its matter from its story's headline.")
    public AnalystViews.ExchangeList exchanges(@PathParam("id") long id, @QueryParam("from") String from,
                                               @QueryParam("to") String to,
                                               @Parameter(description = "days between a claim and its answers (1-60, default 7)") @QueryParam("window") String window,
                                               @QueryParam("limit") String limit) {
        Integer w = Params.integer("window", window);
        int days = w == null ? 7 : w;
        if (days < 1 || days > 60) {
            throw new BadRequestProblem("window must be between 1 and 60 days");
        }
        return analyst.exchanges(id, Params.time("from", from), Params.time("to", to), Duration.ofDays(days),
                Params.limit(limit, config));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEntity", summary = "One entity: names, titles, where each came from, counts, co-mentioned entities, claims by and about it")
    public Views.EntityDetail get(@PathParam("id") long id) {
        return repo.entity(id);
    }
}
