package org.claimwire.nlp;

import java.time.LocalDate;
import org.claimwire.events.Enrichment;
import org.claimwire.nlp.Enricher;
import org.claimwire.nlp.pipeline.NlpPipeline;

/** One CoreNLP pipeline for all plain unit tests of the JVM (loading it takes seconds). */
public final class TestEnricher {
    private static volatile Enricher enricher;

    private TestEnricher() {
    }

    public static synchronized Enricher get() {
        if (enricher == null) {
            enricher = new Enricher(new NlpPipeline());
        }
        return enricher;
    }

    public static Enrichment enrich(String body) {
        return get().enrich(body, "en", LocalDate.of(2025, 2, 10));
    }

    /** Human-readable dump of an enrichment, printed by tests to make failures easy to read. */
    public static String describe(Enrichment e) {
        StringBuilder sb = new StringBuilder();
        for (Enrichment.Entity en : e.entities()) {
            sb.append(en.id()).append(' ').append(en.name()).append(" [").append(en.type()).append("] titles=")
                    .append(en.titles()).append(" mentions=");
            for (Enrichment.Span m : en.mentions()) {
                sb.append('\'').append(m.text()).append("'@").append(m.start()).append(' ');
            }
            sb.append('\n');
        }
        for (Enrichment.Claim c : e.claims()) {
            sb.append(c.id()).append(' ').append(c.mode()).append(' ').append(c.stance())
                    .append(" speaker=").append(c.speaker() == null ? null : c.speaker().entityId() + "/" + c.speaker().text())
                    .append(" cue=").append(c.cue() == null ? null : c.cue().text())
                    .append(" to=").append(c.recipient() == null ? null : c.recipient().entityId() + "/" + c.recipient().text())
                    .append(" time=").append(c.time())
                    .append(" cw=").append(c.checkWorthiness())
                    .append(" about=").append(c.about())
                    .append("\n    content[").append(c.content().start()).append(',').append(c.content().end()).append("]=")
                    .append(c.content().text()).append('\n');
        }
        return sb.toString();
    }
}
