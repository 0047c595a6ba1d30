package org.claimwire.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.claimwire.ingest.normalise.ContentHash;
import org.junit.jupiter.api.Test;

/** Who may create and change a uri: decided under the deduplicator's lock, with the version. */
class OwnershipTest {
    static final Instant T = Instant.parse("2026-11-29T10:00:00Z");
    static final Deduplicator.Writer A = new Deduplicator.Writer("a", false, uri -> uri.startsWith("urn:a:"));
    static final Deduplicator.Writer B = new Deduplicator.Writer("b", false, uri -> uri.startsWith("urn:b:"));
    static final Deduplicator.Writer ADMIN = new Deduplicator.Writer(null, true, uri -> true);

    static Deduplicator.Candidate cand(String uri, String body, String status) {
        return new Deduplicator.Candidate(uri, T, false, ContentHash.of("h", body), status, MinHasher.signature(body));
    }

    static Deduplicator.Decision decided(Deduplicator d, Deduplicator.Candidate c, Deduplicator.Writer w) {
        Deduplicator.Decision x = d.decide(c, w);
        d.confirm(x);
        return x;
    }

    @Test
    void theCreatorsSourceOwnsTheUriAcrossVersions() {
        Deduplicator d = new Deduplicator(0.6);
        String body = "The mayor said on Monday that the bridge over the river would reopen next week after repairs.";
        Deduplicator.Decision created = decided(d, cand("urn:a:1", body, "usable"), A);
        assertThat(created.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(created.newState().owner()).isEqualTo("a");
        assertThat(d.decide(cand("urn:b:1", body + " Forged.", "usable"), A).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(d.decide(cand("urn:a:1", body + " Forged.", "usable"), B).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(d.decide(cand("urn:a:1", body, "canceled"), B).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(d.decide(cand("urn:a:1", body, "usable"), B).outcome()).as("an exact copy changes nothing")
                .isEqualTo(Outcome.DUPLICATE);
        Deduplicator.Decision byAdmin = decided(d, cand("urn:a:1", body + " Corrected.", "usable"), ADMIN);
        assertThat(byAdmin.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(byAdmin.newState().owner()).as("an admin's version keeps the owner").isEqualTo("a");
        Deduplicator.Decision killed = decided(d, cand("urn:a:1", body + " Corrected.", "canceled"), A);
        assertThat(killed.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(killed.version()).isEqualTo(3);
    }

    @Test
    void aForbiddenDecisionChangesNothing() {
        Deduplicator d = new Deduplicator(0.6);
        String body = "The central bank said on Tuesday that it would hold interest rates steady for another quarter.";
        decided(d, cand("urn:a:2", body, "usable"), A);
        d.decide(cand("urn:a:2", "Forged text about something else entirely, long enough to be a story.", "usable"), B);
        assertThat(d.pending()).isZero();
        assertThat(d.decide(cand("urn:a:2", body, "usable"), A).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(d.size()).isEqualTo(1);
    }
}
