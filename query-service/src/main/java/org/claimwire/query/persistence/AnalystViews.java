package org.claimwire.query.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.claimwire.query.analysis.Buckets;

/** The read models of the analyst routes: stance over time and who answers whom. */
public final class AnalystViews {
    private AnalystViews() {
    }

    /** An entity as listed next to a series or an exchange: with its titles, so that namesakes can be told apart. */
    public record EntityHeader(long id, String name, String type, List<String> titles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timeline(EntityHeader entity, String bucket, EntityHeader about, List<Buckets.Point> series) {
    }

    /** Claims by different speakers with different stances on one matter; the entity's own claims come first. */
    public record Exchange(List<Views.ClaimView> claims, List<EntityHeader> about, String reason) {
    }

    public record ExchangeList(EntityHeader entity, List<Exchange> items) {
    }
}
