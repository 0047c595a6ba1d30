package org.claimwire.ingest.normalise;

/** Detects the language of a story text; answers an ISO 639-1 code (or 639-3 where none) or null. */
public interface LanguageDetector {
    String detect(String text);
}
