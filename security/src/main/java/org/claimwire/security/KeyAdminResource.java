package org.claimwire.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.claimwire.problems.ProblemType;
import org.claimwire.problems.Problems;
import org.claimwire.security.messaging.KeyTopic;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Making, listing and revoking API keys (admin only), the same on every service: a key made or revoked on
 * one is known to all through the key topic. The secret is in the answer to POST and nowhere else.
 */
@Path("/api/v1/admin/keys")
@Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
public class KeyAdminResource {
    private static final Logger LOG = Logger.getLogger(KeyAdminResource.class);
    private static final String PATH = "/api/v1/admin/keys";
    private static final String SOURCE_NAME = "[a-z0-9][a-z0-9._-]{0,63}";

    @Inject
    KeyTopic topic;
    @Inject
    KeyDirectory directory;

    /** Body of POST: {@code source} and at least one {@code uriPrefixes} entry are required for a writer. */
    public record NewKey(String name, String role, String source, List<String> uriPrefixes) {
    }

    /** A key as listed: never the secret, never the hash. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyView(String id, String name, String role, String source, List<String> uriPrefixes,
            Instant createdAt, Instant revokedAt, String key) {
        static KeyView of(ApiKey k, String secret) {
            return new KeyView(k.id(), k.name(), k.role(), k.source(), k.uriPrefixes(), k.createdAt(), k.revokedAt(),
                    secret);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Make an API key (reader, writer bound to a source and its uri prefixes, or admin); "
            + "the answer holds the secret, shown only this once")
    @APIResponse(responseCode = "201", description = "the key, with its secret this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    public Response create(NewKey req) {
        String role;
        try {
            role = Roles.parse(req == null ? null : req.role());
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage(), PATH);
        }
        String name = req.name() == null ? "" : req.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            return invalid("a key needs a 'name' (1-200 characters) saying who holds it", PATH);
        }
        String source = req.source() == null || req.source().isBlank() ? null : req.source().trim();
        if (source != null && !source.matches(SOURCE_NAME)) {
            return invalid("'source' must match " + SOURCE_NAME, PATH);
        }
        List<String> prefixes = req.uriPrefixes() == null ? List.of()
                : req.uriPrefixes().stream().map(p -> p == null ? "" : p.trim()).toList();
        if (prefixes.stream().anyMatch(p -> p.isEmpty() || p.length() > 500)) {
            return invalid("every uri prefix must be 1-500 characters", PATH);
        }
        if (role.equals(Roles.WRITER) && (source == null || prefixes.isEmpty())) {
            return invalid("a writer key needs a 'source' and the 'uriPrefixes' of the uris it may create", PATH);
        }
        String secret = ApiKeys.newSecret();
        ApiKey k = new ApiKey(ApiKeys.newId(), name, role, source, prefixes, ApiKeys.hash(secret),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
        try {
            topic.publish(k);
        } catch (Exception e) {
            return unavailable(e, PATH);
        }
        LOG.infof("API key %s made (%s, source %s)", k.id(), role, source);
        return Response.created(URI.create(PATH + "/" + k.id())).type(MediaType.APPLICATION_JSON)
                .entity(KeyView.of(k, secret)).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "Every key this service knows, newest first (no secrets, no hashes)")
    public List<KeyView> list() {
        return directory.all().stream().map(k -> KeyView.of(k, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key on every service; a revoked key stays revoked")
    @APIResponse(responseCode = "200", description = "the revoked key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyView.class)))
    public Response revoke(@PathParam("id") String id) {
        String path = PATH + "/" + id;
        ApiKey k = directory.byId(id).orElse(null);
        if (k == null) {
            return Problems.response(ProblemType.NOT_FOUND, "no API key " + id, path);
        }
        if (!k.revoked()) {
            try {
                k = topic.publish(k.revokedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            } catch (Exception e) {
                return unavailable(e, path);
            }
            LOG.infof("API key %s revoked", id);
        }
        return Response.ok(KeyView.of(k, null), MediaType.APPLICATION_JSON).build();
    }

    private static Response invalid(String detail, String path) {
        return Problems.response(ProblemType.BAD_REQUEST, detail, path);
    }

    private static Response unavailable(Exception e, String path) {
        LOG.warnf("API key change not acknowledged by the broker: %s", e.toString());
        return Problems.retryAfter(ProblemType.BROKER_UNAVAILABLE, 5,
                "the message broker did not acknowledge the change in time; nothing changed, retry later", path);
    }
}
