package org.claimwire.events;

import java.util.List;

/** Which engine produced an enrichment, so consumers can tell results of different models apart. */
public record NlpModel(String engine, String version, List<String> annotators) {
    public NlpModel {
        annotators = annotators == null ? List.of() : List.copyOf(annotators);
    }
}
