package org.claimwire.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.claimwire.ingest.IngestConfig;
import org.claimwire.ingest.feeds.FeedService;
import org.claimwire.ingest.feeds.SsrfGuard;
import org.claimwire.ingest.persistence.FeedEntity;
import org.claimwire.ingest.persistence.FeedStore;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The feed registry: RSS/Atom feeds polled on their own interval. Reading it is open; changing it needs an
 * admin key (a feed publishes under any uri, so it is not a writer's to register).
 */
@Path("/api/v1/feeds")
@Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
public class FeedResource {
    private static final String PATH = "/api/v1/feeds";

    @Inject
    FeedService feeds;
    @Inject
    FeedStore store;
    @Inject
    IngestConfig config;

    /** Body of POST and PATCH (PATCH: only the fields given change). */
    public record FeedRequest(String url, String name, Integer intervalSeconds, Boolean enabled) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedView(long id, String url, String name, int intervalSeconds, boolean enabled, Instant lastFetchedAt,
            String lastStatus, Integer lastHttpStatus, String lastError, long itemsSeen, long itemsPublished,
            int consecutiveErrors, Instant nextFetchAt, String etag, String lastModified, String disabledReason,
            String movedFrom) {
        static FeedView of(FeedEntity f) {
            return new FeedView(f.id, f.url, f.name, f.intervalSeconds, f.enabled, f.lastFetchedAt, f.lastStatus,
                    f.lastHttpStatus, f.lastError, f.itemsSeen, f.itemsPublished, f.consecutiveErrors, f.nextFetchAt,
                    f.etag, f.lastModified, f.disabledReason, f.movedFrom);
        }
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFeed", summary = "Register an RSS/Atom feed to poll")
    @APIResponse(responseCode = "201", description = "registered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedResource.FeedView.class)))
    public Response create(FeedRequest req) {
        if (req == null || req.url() == null || req.url().isBlank()) {
            return Problems.response(ProblemType.MALFORMED, "a feed needs a 'url'", PATH);
        }
        Response refused = checkUrl(req.url());
        if (refused != null) {
            return refused;
        }
        Integer interval = req.intervalSeconds();
        if (interval != null && interval < config.feeds().minIntervalSeconds()) {
            return Problems.response(ProblemType.INVALID_INTERVAL, "intervalSeconds must be at least "
                    + config.feeds().minIntervalSeconds(), PATH);
        }
        FeedEntity f = store.register(req.url().trim(), req.name(),
                interval != null ? interval : config.feeds().defaultIntervalSeconds(), req.enabled() == null || req.enabled());
        if (f == null) {
            return Problems.response(ProblemType.DUPLICATE_FEED, "a feed with this url is already registered", PATH);
        }
        FeedView created = FeedView.of(f);
        return Response.created(URI.create(PATH + "/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listFeeds", summary = "Every registered feed with its polling state")
    public List<FeedView> list() {
        return store.all().stream().map(FeedView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFeed", summary = "One feed with its polling state")
    @APIResponse(responseCode = "200", description = "the feed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedResource.FeedView.class)))
    public Response get(@PathParam("id") long id) {
        FeedEntity f = store.find(id);
        return f == null ? notFound(id) : Response.ok(FeedView.of(f)).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateFeed", summary = "Change a feed's name, interval, URL or enabled flag (only the fields given)")
    @APIResponse(responseCode = "200", description = "the changed feed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedResource.FeedView.class)))
    public Response patch(@PathParam("id") long id, FeedRequest req) {
        if (req == null) {
            return Problems.response(ProblemType.MALFORMED, "no body", PATH + "/" + id);
        }
        if (req.url() != null) {
            Response refused = checkUrl(req.url());
            if (refused != null) {
                return refused;
            }
        }
        if (req.intervalSeconds() != null && req.intervalSeconds() < config.feeds().minIntervalSeconds()) {
            return Problems.response(ProblemType.INVALID_INTERVAL, "intervalSeconds must be at least "
                    + config.feeds().minIntervalSeconds(), PATH + "/" + id);
        }
        FeedEntity f = store.change(id, req.url() == null ? null : req.url().trim(), req.name(), req.intervalSeconds(),
                req.enabled());
        return f == null ? notFound(id) : Response.ok(FeedView.of(f)).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteFeed", summary = "Stop polling a feed and forget it")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") long id) {
        boolean deleted = store.delete(id);
        return deleted ? Response.noContent().build() : notFound(id);
    }

    /** Polls the feed now (operators, tests) and answers its status. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/poll")
    @Operation(operationId = "pollFeed", summary = "Poll a feed now")
    @APIResponse(responseCode = "200", description = "the feed after the poll", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedResource.FeedView.class)))
    public Response pollNow(@PathParam("id") long id) {
        FeedEntity f = feeds.poll(id);
        return f == null ? notFound(id) : Response.ok(FeedView.of(f)).build();
    }

    private Response checkUrl(String url) {
        try {
            feeds.guard().check(url.trim());
            return null;
        } catch (SsrfGuard.Refused e) {
            return Problems.response(ProblemType.FEED_URL_REFUSED, e.getMessage(), PATH);
        }
    }

    private static Response notFound(long id) {
        return Problems.response(ProblemType.NOT_FOUND, "no feed " + id, PATH + "/" + id);
    }
}
