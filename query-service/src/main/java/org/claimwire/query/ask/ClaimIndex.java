package org.claimwire.query.ask;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.claimwire.query.text.Names;

/**
 * Read-only access to the stored entities and claims that ask answers from. Implemented over PostgreSQL by
 * {@code persistence.JdbcClaimIndex} (and in memory by the tests' {@code InMemoryClaimIndex}).
 */
public interface ClaimIndex {

    /**
     * The entities whose canonical name, alias or title, normalised with {@link Names#normalise}, equals one of
     * {@code phrases} (or, for a one-word phrase, a person's surname). Keyed by the phrase that matched.
     */
    Map<String, List<StoredEntity>> entitiesByPhrase(Collection<String> phrases);

    /** Visible claims that one of the entities speaks, receives or is about, newest first. */
    List<StoredClaim> claimsInvolving(Collection<Long> entityIds, int limit);

    /**
     * Visible claims whose content contains one of the word forms (stemmed full-text match), newest first. When
     * {@code entityIds} or {@code names} is not empty, only claims that involve one of the entities or whose
     * content contains one of the names (single words) are returned.
     */
    List<StoredClaim> claimsMatching(Collection<String> wordForms, Collection<Long> entityIds, Collection<String> names,
            int limit);

    /** Visible claims of the given stories (to see the non-responses reported next to a relevant claim). */
    List<StoredClaim> claimsOfStories(Collection<Long> storyIds, int limit);

    /** Where the entity is given the title: claims first, then mentions; at most {@code limit}. */
    List<TitleEvidence> titleEvidence(long entityId, String title, int limit);

    /** Entities with the most claims spoken, to suggest answerable questions. */
    List<StoredEntity> prominentSpeakers(int limit);

    /** One entity by id, or null. */
    StoredEntity entity(long id);

    /**
     * Visible claims with one of the stances (e.g. DECLINES_TO_COMMENT), newest first; when {@code wordForms} is not
     * empty, only those whose content or story headline contains one of them.
     */
    default List<StoredClaim> claimsWithStance(Collection<String> stances, Collection<String> wordForms, int limit) {
        return List.of();
    }

    /**
     * How many visible claims contain each word form (stemmed full-text match), and under the key "" how many visible
     * claims there are: the document frequencies of BM25. Empty when the index does not count (the ranker then
     * estimates them from its candidates).
     */
    default Map<String, Long> documentFrequencies(Collection<String> wordForms) {
        return Map.of();
    }
}
