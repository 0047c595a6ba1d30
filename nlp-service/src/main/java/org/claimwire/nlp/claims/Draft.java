package org.claimwire.nlp.claims;

import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.Kind;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.nlp.entities.StoryEntities.Ref;

/** A claim while it is being put together: body offsets of the content, the parts found so far. */
final class Draft {
    int sent;
    Ref speaker;
    Enrichment.Cue cue;
    int cb;
    int ce;
    Mode mode = Mode.INDIRECT;
    Stance stance = Stance.ASSERTS;
    Kind kind = Kind.STATEMENT;
    Ref recipient;
    Enrichment.TimeRef time;
    double checkWorthiness;
    double confidence;

    int sortKey() {
        return Math.min(cb, cue == null ? cb : cue.start());
    }

    boolean sameSpeaker(Draft o) {
        return speaker != null && o.speaker != null && speaker.entity() != null
                && speaker.entity() == o.speaker.entity();
    }
}
