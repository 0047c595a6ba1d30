package org.claimwire.nlp.api;

/**
 * Body of {@code POST /api/v1/enrich}: {@code body} is required; {@code headline} and {@code language}
 * are optional; {@code date} (ISO date, optional) anchors relative times like "today" (default: today).
 */
public record EnrichRequest(String headline, String body, String language, String date) {
}
