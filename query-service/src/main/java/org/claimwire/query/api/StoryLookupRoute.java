package org.claimwire.query.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Keeps the public URL {@code GET /api/v1/stories?uri=} while the list and the lookup are two typed operations. */
public class StoryLookupRoute {

    /**
     * {@code GET /api/v1/stories?uri=...} is the lookup by uri, not a list: routed to {@link StoriesResource#byUri} before
     * matching, so each operation has one result type.
     */
    @ServerRequestFilter(preMatching = true)
    public void routeLookupByUri(ContainerRequestContext ctx) {
        UriInfo info = ctx.getUriInfo();
        String path = info.getPath();
        if (HttpMethod.GET.equals(ctx.getMethod()) && (path.equals(StoriesResource.PATH) || path.equals(StoriesResource.PATH + "/"))
                && Params.text(info.getQueryParameters().getFirst("uri")) != null) {
            ctx.setRequestUri(info.getRequestUriBuilder().replacePath(info.getBaseUri().getPath())
                    .path(StoriesResource.PATH + StoriesResource.BY_URI).build());
        }
    }
}
