package org.claimwire.nlp.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.claimwire.events.Enrichment.Claim;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.nlp.doc.Conllu;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.entities.EntityExtractor;
import org.claimwire.nlp.entities.StoryEntities;

/**
 * A parsed fixture of hand-written sentences (a .conllu next to this class, written by ParseDump) and the
 * attributed claims the standard extractor finds in one of them, picked by how its text starts. No CoreNLP.
 */
final class ParsedSentences {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(CueLexicon.standard());
    private static final LocalDate REF_DATE = LocalDate.of(2025, 2, 10);

    private final List<ParsedDoc> docs;

    private ParsedSentences(List<ParsedDoc> docs) {
        this.docs = docs;
    }

    /** Reads the CoNLL-U resource of this package, e.g. "rule-sentences.conllu". */
    static ParsedSentences load(String resource) {
        try (InputStream in = ParsedSentences.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new ParsedSentences(Conllu.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first passage whose text starts with {@code prefix}. */
    ParsedDoc doc(String prefix) {
        return docs.stream().filter(d -> d.text().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** The attributed claims (not the unattributed check-worthy statements) of that passage. */
    List<Claim> claims(String prefix) {
        ParsedDoc doc = doc(prefix);
        StoryEntities ents = new EntityExtractor().extract(doc);
        return EXTRACTOR.extract(doc, ents, REF_DATE).stream()
                .filter(c -> c.mode() != Mode.UNATTRIBUTED).toList();
    }

    /** The one attributed claim of that passage; fails when there are more or none. */
    Claim only(String prefix) {
        List<Claim> cs = claims(prefix);
        assertThat(cs).as("claims of: " + prefix).hasSize(1);
        return cs.get(0);
    }

    /** The one attributed claim of that passage whose cue is {@code cue}; fails when there are more or none. */
    Claim withCue(String prefix, String cue) {
        List<Claim> cs = claims(prefix).stream().filter(c -> c.cue() != null && c.cue().text().equals(cue)).toList();
        assertThat(cs).as("claims with cue " + cue + " in: " + prefix).hasSize(1);
        return cs.get(0);
    }

    /** The speaker's text as written, or null for a claim without speaker. */
    static String speaker(Claim c) {
        return c.speaker() == null ? null : c.speaker().text();
    }
}
