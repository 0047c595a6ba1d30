package org.claimwire.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.nlp.doc.DisplayText;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;

/**
 * The entities of one story and their mentions, with the in-story resolution the claim extractor
 * needs: noun phrases (names, learned titles, "the newspaper") and speaker pronouns to entities.
 * Built by {@link EntityExtractor}; not thread-safe (one instance per story).
 */
public final class StoryEntities {
    private static final Set<String> ORG_NOMINALS = WordList.load(StoryEntities.class, "org-nominals.txt");
    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "him", "her");
    private static final Set<String> ORG_PRONOUNS = Set.of("it");

    final ParsedDoc doc;
    final List<Entity> entities = new ArrayList<>();
    /** All mentions in document order. */
    final List<Mention> mentions = new ArrayList<>();

    StoryEntities(ParsedDoc doc) {
        this.doc = doc;
    }

    public List<Entity> entities() {
        return entities;
    }

    public List<Mention> mentions() {
        return mentions;
    }

    /** A resolved noun phrase: the entity (null when unresolved) and the span of the phrase. */
    public record Ref(Entity entity, int begin, int end, String text) {
        public Enrichment.EntityRef toContract() {
            return new Enrichment.EntityRef(entity == null ? null : entity.id,
                    entity == null ? null : DisplayText.normalise(entity.name), begin, end, DisplayText.normalise(text));
        }
    }

    /** The mention covering token {@code tok} of sentence {@code s}, or null. */
    public Mention mentionAt(int s, int tok) {
        for (Mention m : mentions) {
            if (m.sent == s && m.startTok <= tok && tok < m.endTok) {
                return m;
            }
            if (m.sent > s) {
                break;
            }
        }
        return null;
    }

    /** Entities with a mention inside body offsets [begin, end). */
    public List<Entity> entitiesIn(int begin, int end) {
        List<Entity> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.begin >= begin && m.end <= end && m.entity != null && !out.contains(m.entity)) {
                out.add(m.entity);
            }
        }
        return out;
    }

    /**
     * Resolves the noun phrase headed by {@code head} and covering tokens [from, to) of sentence
     * {@code s}: a name or title mention, a pronoun, "the newspaper", or a name inside the phrase.
     */
    public Ref resolveNounPhrase(Sentence s, int head, int from, int to) {
        Token h = s.token(head);
        int begin = s.token(from).begin();
        int end = s.token(to - 1).end();
        String text = doc.span(begin, end);
        Mention m = mentionAt(s.index(), head);
        if (m != null && m.entity != null) {
            return new Ref(m.entity, begin, end, text);
        }
        String lw = h.lower();
        if (h.pos().startsWith("PRP") || lw.equals("who")) {
            Entity e = lw.equals("who") ? resolveRelative(s, head) : resolvePronoun(s, head);
            return new Ref(e, begin, end, text);
        }
        // a name inside the phrase: prefer a compound of the head ("TASS news agency"), then persons
        Entity best = null;
        int bestScore = -1;
        for (Mention c : mentions) {
            if (c.sent != s.index() || c.startTok < from || c.endTok > to || c.entity == null) {
                continue;
            }
            int last = c.endTok - 1;
            boolean compound = s.parsed() && s.head(last) == head && s.rel(last).startsWith("compound");
            boolean poss = s.parsed() && s.rel(last).startsWith("nmod:poss");
            int score = (compound ? 10 : 0) + (poss ? 0 : 3) + switch (c.entity.type) {
                case PERSON -> 3;
                case ORGANIZATION -> 2;
                case MISC -> 1;
                case LOCATION -> 0;
            };
            if (score > bestScore) {
                bestScore = score;
                best = c.entity;
            }
        }
        if (best != null) {
            return new Ref(best, begin, end, text);
        }
        // "the newspaper", "the company": the last organization named before
        if (h.isNoun() && ORG_NOMINALS.contains(h.lemma().toLowerCase(Locale.ROOT)) && hasDefiniteDeterminer(s, head, from)) {
            Entity org = lastBefore(s.index(), from, EntityType.ORGANIZATION);
            if (org != null) {
                addMention(org, s, from, to, Mention.Kind.NOMINAL, true);
                return new Ref(org, begin, end, text);
            }
        }
        return new Ref(null, begin, end, text);
    }

    private boolean hasDefiniteDeterminer(Sentence s, int head, int from) {
        for (int i = from; i < head; i++) {
            if (s.token(i).lower().equals("the")) {
                return true;
            }
        }
        return false;
    }

    /** "who" in "Trump, who has promised ...": the nearest person or organization before it. */
    private Entity resolveRelative(Sentence s, int tok) {
        for (Edge e : s.in(tok, r -> r.equals("ref"))) {
            Mention m = mentionAt(s.index(), e.gov());
            if (m != null && m.entity != null) {
                return m.entity;
            }
        }
        Mention best = null;
        for (Mention m : mentions) {
            if (m.sent == s.index() && m.endTok <= tok && m.entity != null
                    && (m.entity.type == EntityType.PERSON || m.entity.type == EntityType.ORGANIZATION)) {
                best = m;
            }
        }
        return best == null ? null : best.entity;
    }

    /**
     * A speaker pronoun: he/she go to the nearest person subject before them in the sentence, else to
     * the main subject of the closest earlier sentence that has a person subject (a person mention
     * when a sentence was not parsed); "it" likewise to organizations. The pronoun becomes a mention.
     */
    public Entity resolvePronoun(Sentence s, int tok) {
        String w = s.token(tok).lower();
        EntityType want;
        if (PERSON_PRONOUNS.contains(w)) {
            want = EntityType.PERSON;
        } else if (ORG_PRONOUNS.contains(w)) {
            want = EntityType.ORGANIZATION;
        } else {
            return null;
        }
        Mention existing = mentionAt(s.index(), tok);
        if (existing != null) {
            return existing.entity;
        }
        Entity found = null;
        // same sentence, before the pronoun
        for (Mention m : mentions) {
            if (m.sent == s.index() && m.endTok <= tok && m.subject && m.entity != null && m.entity.type == want) {
                found = m.entity;
            }
        }
        for (int back = s.index() - 1; found == null && back >= 0 && back >= s.index() - 6; back--) {
            Mention root = null;
            Mention firstSubject = null;
            Mention any = null;
            for (Mention m : mentions) {
                if (m.sent != back || m.entity == null || m.entity.type != want) {
                    continue;
                }
                if (m.rootSubject && root == null) {
                    root = m;
                }
                if (m.subject && firstSubject == null) {
                    firstSubject = m;
                }
                if (any == null) {
                    any = m;
                }
            }
            Mention pick = root != null ? root : firstSubject;
            if (pick == null && any != null && !doc.sentences().get(back).parsed()) {
                pick = any;
            }
            if (pick != null) {
                found = pick.entity;
            }
        }
        if (found != null) {
            addMention(found, s, tok, tok + 1, Mention.Kind.PRONOUN, isSubject(s, tok));
        }
        return found;
    }

    static boolean isSubject(Sentence s, int tok) {
        return s.parsed() && s.rel(tok).startsWith("nsubj");
    }

    private Entity lastBefore(int sent, int tok, EntityType type) {
        Entity best = null;
        for (Mention m : mentions) {
            if (!m.before(sent, tok)) {
                break;
            }
            if (m.entity != null && m.entity.type == type) {
                best = m.entity;
            }
        }
        return best;
    }

    void addMention(Entity e, Sentence s, int from, int to, Mention.Kind kind, boolean subject) {
        int begin = s.token(from).begin();
        int end = s.token(to - 1).end();
        Mention m = new Mention(s.index(), from, to, begin, end, doc.span(begin, end), kind);
        m.subject = subject;
        m.rootSubject = subject && s.head(s.head(to - 1)) < 0 && s.head(to - 1) >= 0;
        m.entity = e;
        e.mentions.add(m);
        int pos = 0;
        while (pos < mentions.size() && !(m.before(mentions.get(pos).sent, mentions.get(pos).startTok))) {
            pos++;
        }
        mentions.add(pos, m);
    }

    /** The contract view: ids e1, e2, ... in order of first mention, mentions sorted by offset. */
    public List<Enrichment.Entity> toContract() {
        List<Enrichment.Entity> out = new ArrayList<>();
        for (Entity e : entities) {
            if (e.mentions.isEmpty()) {
                continue;
            }
            List<Enrichment.Span> spans = e.mentions.stream()
                    .sorted(Comparator.comparingInt(Mention::begin))
                    .map(m -> new Enrichment.Span(m.begin, m.end, DisplayText.normalise(m.text)))
                    .distinct()
                    .toList();
            out.add(new Enrichment.Entity(e.id, DisplayText.normalise(e.name), e.type,
                    e.titles.stream().map(DisplayText::normalise).distinct().toList(), spans));
        }
        return out;
    }

    /** For tests and debugging: entity name per mention text. */
    public Map<String, String> debugMap() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (Mention x : mentions) {
            m.put(x.text + "@" + x.begin, x.entity == null ? null : x.entity.name);
        }
        return m;
    }
}
