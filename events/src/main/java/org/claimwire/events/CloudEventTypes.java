package org.claimwire.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** CloudEvents 1.0 attributes shared by producers and consumers (binary mode, JSON data). */
public final class CloudEventTypes {
    public static final String STORY_INGESTED = "org.claimwire.story.ingested.v1";
    public static final String STORY_ENRICHED = "org.claimwire.story.enriched.v1";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /**
     * {@code ce_dataschema} of each type: the {@code $id} of its versioned JSON Schema. Every service serves the
     * schemas at the same path ({@code GET /schemas/story.v1.schema.json}; the files live in this jar under
     * {@code META-INF/resources/schemas/}).
     */
    public static final String SCHEMA_BASE = "https://claimwire.org/schemas/";
    public static final String STORY_INGESTED_SCHEMA = SCHEMA_BASE + "story.v1.schema.json";
    public static final String STORY_ENRICHED_SCHEMA = SCHEMA_BASE + "enriched-story.v1.schema.json";

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
