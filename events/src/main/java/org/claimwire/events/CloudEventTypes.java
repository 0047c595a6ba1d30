package org.claimwire.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** CloudEvents 1.0 attributes shared by producers and consumers (binary mode, JSON data). */
public final class CloudEventTypes {
    public static final String STORY_INGESTED = "org.claimwire.story.ingested.v1";
    public static final String STORY_ENRICHED = "org.claimwire.story.enriched.v1";
    public static final String DATA_CONTENT_TYPE = "application/json";

    private CloudEventTypes() {
    }

    /**
     * A stable event id for one version of one story at one stage, so a consumer can recognise a
     * redelivery: the same (type, uri, version) always gives the same id.
     */
    public static String eventId(String type, String uri, int version) {
        String name = type + "|" + uri + "|" + version;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
