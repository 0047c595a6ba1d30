package org.claimwire.nlp.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;

/**
 * Finds PERSON / ORGANIZATION / LOCATION / MISC mentions (CoreNLP's 4-class NER) and resolves them
 * inside the story: name containment ("Trump" to the last "Donald Trump", never two different full
 * names), one type per entity (majority of its mentions, institutions named after places become
 * organizations), titles learned from premodifiers and appositions, and definite title phrases
 * ("the Kremlin spokesman") resolved to the person holding the title. Plain Java.
 */
public final class EntityExtractor {
    private static final Set<String> INSTITUTIONS = WordList.load(EntityExtractor.class, "institutions.txt");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord",
            "lady", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt", "prof", "rev", "st");
    private static final Set<String> ORG_HEADS = WordList.load(EntityExtractor.class, "org-heads.txt");

    public StoryEntities extract(ParsedDoc doc) {
        StoryEntities se = new StoryEntities(doc);
        List<Mention> names = nameMentions(doc);
        for (Mention m : names) {
            Entity e = link(se, m, doc);
            m.entity = e;
            e.mentions.add(m);
            e.vote(typeOf(m, doc));
            se.mentions.add(m);
        }
        for (Entity e : se.entities) {
            decideType(e);
        }
        for (Mention m : names) {
            if (m.entity.type == EntityType.PERSON) {
                learnTitles(doc.sentences().get(m.sent), m, doc);
            }
        }
        findTitleMentions(se, doc);
        int n = 1;
        for (Entity e : se.entities) {
            e.id = "e" + n++;
        }
        return se;
    }

    // ---- mentions -------------------------------------------------------------------------------

    private static List<Mention> nameMentions(ParsedDoc doc) {
        List<Mention> out = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            List<Token> t = s.tokens();
            int i = 0;
            while (i < t.size()) {
                String ner = t.get(i).ner();
                if (!isNameTag(ner) || !Character.isLetterOrDigit(t.get(i).word().codePointAt(0))) {
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < t.size() && t.get(j).ner().equals(ner)) {
                    j++;
                }
                // a leading role or honorific is a title, not part of the name ("Mayor Carlos Ruiz", "Mr. Smith")
                int first = i;
                while (ner.equals("PERSON") && j - first > 1 && (Titles.isRoleNoun(t.get(first))
                        || HONORIFICS.contains(t.get(first).lower().replace(".", "")))) {
                    first++;
                }
                i = first;
                // trailing punctuation is not part of a name
                int end = j;
                while (end > i + 1 && !Character.isLetterOrDigit(t.get(end - 1).word().codePointAt(0))) {
                    end--;
                }
                int b = t.get(i).begin();
                int e = t.get(end - 1).end();
                Mention m = new Mention(s.index(), i, end, b, e, doc.span(b, e), Mention.Kind.NAME);
                markSubject(s, m);
                out.add(m);
                i = j;
            }
        }
        return out;
    }

    private static boolean isNameTag(String ner) {
        return ner.equals("PERSON") || ner.equals("ORGANIZATION") || ner.equals("LOCATION") || ner.equals("MISC");
    }

    static void markSubject(Sentence s, Mention m) {
        if (s.parsed()) {
            for (int k = m.startTok; k < m.endTok; k++) {
                int h = s.head(k);
                if (h < m.startTok || h >= m.endTok) {
                    m.subject = s.rel(k).startsWith("nsubj");
                    m.rootSubject = m.subject && h >= 0 && s.head(h) < 0;
                    return;
                }
            }
        } else {
            // unparsed: a name before the first verb of the sentence acts as its subject
            for (int k = 0; k < m.startTok; k++) {
                if (s.token(k).isVerb()) {
                    return;
                }
            }
            m.subject = true;
            m.rootSubject = true;
        }
    }

    private static EntityType typeOf(Mention m, ParsedDoc doc) {
        String ner = doc.sentences().get(m.sent).token(m.startTok).ner();
        return EntityType.valueOf(ner);
    }

    static List<String> nameTokens(String text) {
        String norm = text.toLowerCase(Locale.ROOT).replace(".", "").replace('’', '\'');
        List<String> toks = new ArrayList<>(Arrays.asList(norm.split("[\\s]+")));
        toks.removeIf(String::isEmpty);
        if (!toks.isEmpty() && toks.get(0).equals("the")) {
            toks.remove(0);
        }
        return toks;
    }

    // ---- linking ----------------------------------------------------------------------------------

    private static Entity link(StoryEntities se, Mention m, ParsedDoc doc) {
        List<String> toks = nameTokens(m.text);
        EntityType t = typeOf(m, doc);
        String key = String.join(" ", toks);
        // exact name, any type (the same string tagged LOCATION once and ORGANIZATION once is one entity)
        for (Entity e : se.entities) {
            if (String.join(" ", e.nameTokens).equals(key)) {
                return e;
            }
        }
        if (t == EntityType.PERSON) {
            Entity best = null;
            for (Entity e : se.entities) {
                if (e.votes.getOrDefault(EntityType.PERSON, 0) == 0) {
                    continue;
                }
                if (samePerson(toks, e.nameTokens)) {
                    best = e; // the most recently created match wins
                }
            }
            if (best != null) {
                if (toks.size() > best.nameTokens.size()) {
                    best.name = m.text;
                    best.nameTokens = toks;
                }
                return best;
            }
        } else if (toks.size() >= 1) {
            for (Entity e : se.entities) {
                if (e.votes.getOrDefault(EntityType.PERSON, 0) > 0) {
                    continue;
                }
                if (isAcronymOf(key, e.nameTokens) || isAcronymOf(String.join(" ", e.nameTokens), toks)) {
                    return e;
                }
            }
        }
        Entity e = new Entity(m.text.startsWith("The ") ? m.text.substring(4) : m.text, toks, t);
        se.entities.add(e);
        return e;
    }

    /**
     * Whether two person names can be the same person: one is a single token found in the other
     * ("Trump" / "Donald Trump"), or both share first and last token ("Donald J. Trump"). Two
     * different full names never match.
     */
    static boolean samePerson(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.size() == 1 || b.size() == 1) {
            List<String> single = a.size() == 1 ? a : b;
            List<String> other = a.size() == 1 ? b : a;
            String w = single.get(0);
            return other.get(other.size() - 1).equals(w) || (other.size() > 1 && other.get(0).equals(w) && single != other);
        }
        return a.get(0).equals(b.get(0)) && a.get(a.size() - 1).equals(b.get(b.size() - 1));
    }

    private static boolean isAcronymOf(String acronym, List<String> words) {
        if (words.size() < 2 || acronym.length() < 2 || acronym.contains(" ")) {
            return false;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!w.equals("of") && !w.equals("and") && !w.equals("for") && !w.equals("the") && !w.isEmpty()) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString().equals(acronym);
    }

    private static void decideType(Entity e) {
        EntityType best = e.type;
        int bestVotes = -1;
        for (Map.Entry<EntityType, Integer> v : e.votes.entrySet()) {
            if (v.getValue() > bestVotes) {
                bestVotes = v.getValue();
                best = v.getKey();
            }
        }
        String key = String.join(" ", e.nameTokens);
        if (INSTITUTIONS.contains(key)) {
            best = EntityType.ORGANIZATION;
        } else if (best == EntityType.LOCATION && e.nameTokens.size() > 1
                && ORG_HEADS.contains(e.nameTokens.get(e.nameTokens.size() - 1))) {
            best = EntityType.ORGANIZATION;
        }
        e.type = best;
    }

    // ---- titles -------------------------------------------------------------------------------------

    /** "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov, the Kremlin spokesman,", "the Kremlin spokesman, Dmitry Peskov". */
    private static void learnTitles(Sentence s, Mention m, ParsedDoc doc) {
        int k = m.startTok - 1;
        if (k >= 0 && Titles.isRoleNoun(s.token(k))) {
            int start = Titles.modifierStart(s, k);
            m.entity.addTitle(doc.span(s.token(start).begin(), s.token(k).end()));
        }
        // reverse apposition: TITLE , NAME
        if (k >= 1 && s.token(k).word().equals(",") && Titles.isRoleNoun(s.token(k - 1))
                && k - 2 >= 0 && (Titles.isDeterminer(s.token(Titles.modifierStart(s, k - 1) - 1 >= 0 ? Titles.modifierStart(s, k - 1) - 1 : 0)))) {
            int start = Titles.modifierStart(s, k - 1);
            m.entity.addTitle(doc.span(s.token(start).begin(), s.token(k - 1).end()));
        }
        // apposition: NAME , [the] TITLE ,|.
        int a = m.endTok;
        if (a + 1 < s.size() && s.token(a).word().equals(",")) {
            int p = a + 1;
            if (s.token(p).pos().equals("DT")) {
                p++;
            }
            int first = p;
            while (p < s.size() && p - first < 5 && (Titles.isModifier(s.token(p)) || Titles.isRoleNoun(s.token(p)))) {
                p++;
            }
            int head = p - 1;
            if (head >= first && Titles.isRoleNoun(s.token(head))
                    && (p >= s.size() || s.token(p).word().equals(",") || s.token(p).pos().equals("."))) {
                m.entity.addTitle(doc.span(s.token(first).begin(), s.token(head).end()));
            }
        }
    }

    /** Definite title phrases ("the Kremlin spokesman", "The US president") not directly naming someone. */
    private static void findTitleMentions(StoryEntities se, ParsedDoc doc) {
        for (Sentence s : doc.sentences()) {
            for (int k = 0; k < s.size(); k++) {
                Token h = s.token(k);
                if (!Titles.isRoleNoun(h) || h.pos().endsWith("S")) {
                    continue;
                }
                if (k + 1 < s.size() && ("PERSON".equals(s.token(k + 1).ner())
                        || Titles.isRoleNoun(s.token(k + 1)) || s.token(k + 1).pos().startsWith("NN"))) {
                    continue; // premodifier of a name or of a longer noun
                }
                if (k + 2 < s.size() && s.token(k + 1).word().equals(",") && "PERSON".equals(s.token(k + 2).ner())) {
                    continue;
                }
                int start = Titles.modifierStart(s, k);
                if (start - 1 < 0 || !Titles.isDeterminer(s.token(start - 1))) {
                    continue;
                }
                if (start - 2 >= 0 && s.token(start - 2).word().equals(",") && start - 3 >= 0
                        && "PERSON".equals(s.token(start - 3).ner())) {
                    continue; // apposition of the name just before
                }
                String norm = Titles.normalise(doc.span(s.token(start).begin(), h.end()));
                Entity e = holder(se, s.index(), start, norm, start == k ? norm : null);
                if (e != null) {
                    String surface = doc.span(s.token(start).begin(), h.end());
                    if (start < k) {
                        e.addTitle(surface);
                    }
                    se.addMention(e, s, start - 1, k + 1, Mention.Kind.TITLE, StoryEntities.isSubject(s, k));
                }
            }
        }
    }

    /** The person holding a title: exact title first, then (bare "the spokesman") by head; the latest mentioned wins. */
    private static Entity holder(StoryEntities se, int sent, int tok, String title, String headOnly) {
        Entity best = null;
        for (Entity e : se.entities) {
            if (e.type == EntityType.PERSON && e.hasTitle(title)) {
                best = pickLater(se, best, e, sent, tok);
            }
        }
        if (best == null && headOnly != null) {
            for (Entity e : se.entities) {
                if (e.type == EntityType.PERSON && e.hasTitleHead(headOnly)) {
                    best = pickLater(se, best, e, sent, tok);
                }
            }
        }
        return best;
    }

    private static Entity pickLater(StoryEntities se, Entity a, Entity b, int sent, int tok) {
        if (a == null) {
            return b;
        }
        return lastMention(a, sent, tok) >= lastMention(b, sent, tok) ? a : b;
    }

    private static long lastMention(Entity e, int sent, int tok) {
        long best = -1;
        for (Mention m : e.mentions) {
            if (m.before(sent, tok)) {
                best = Math.max(best, (long) m.sent * 10_000 + m.startTok);
            }
        }
        return best;
    }
}
