package org.claimwire.query.text;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one English lexicon of query-service. It holds
 * <ul>
 * <li>the irregular inflections ("spoke" → "speak", "children" → "child"): full-text search stores and rewrites by
 * these ({@code search.Lemmas}), because PostgreSQL's Snowball stemmer leaves them apart;</li>
 * <li>word families that a stemmer does not relate ("denial" → "deny", "meetings" → "meet"), a light suffix
 * stemmer for regular inflections, and synonym groups of news vocabulary (speech and contact, meetings,
 * confirmation and denial, conflict, ...): ask matches a question's key terms against claim texts by these;</li>
 * <li>the words that carry no topic in a question.</li>
 * </ul>
 * Nothing here is specific to one story.
 */
public final class Lexicon {

    /** Irregular inflection → base form. */
    private static final Map<String, String> INFLECTED = new HashMap<>();
    /** Base form → all its forms, base first. */
    private static final Map<String, List<String>> INFLECTIONS = new HashMap<>();
    /** Word → the lemma of its family, for relations a stemmer and the inflection table do not make. */
    private static final Map<String, String> FAMILY = new HashMap<>();
    private static final Map<String, Set<String>> GROUPS_OF = new HashMap<>();
    private static final Map<String, Set<String>> MEMBERS = new HashMap<>();

    /** Words that carry no topic in a question ("did", "the", "say" in "what did X say"). */
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "by", "with", "about", "on", "in", "at", "for", "from",
            "into", "over", "as", "that", "this", "these", "those", "it", "its", "there", "their", "they", "them",
            "he", "she", "him", "her", "his", "hers", "we", "our", "you", "your", "i", "me", "my",
            "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "whether", "if",
            "do", "does", "did", "done", "doing", "is", "are", "was", "were", "be", "been", "being", "am",
            "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have", "had",
            "not", "no", "yes", "any", "ever", "actually", "really", "yet", "so", "than", "then", "also", "just",
            "each", "other", "both", "either", "between", "among", "true", "false", "one", "ones",
            "say", "said", "says", "saying", "tell", "told", "tells", "telling", "state", "stated",
            "claim", "claimed", "claims", "according", "anything", "something", "everything", "much", "many",
            "very", "all", "some", "more", "most", "up", "out", "again", "still", "already", "ago", "per");

    static {
        String table = """
                be was were been is are am|have had has|do did done does|say said says|tell told|speak spoke spoken|
                go went gone|get got gotten|make made|know knew known|think thought|take took taken|see saw seen|
                come came|give gave given|find found|leave left|feel felt|bring brought|begin began begun|
                keep kept|hold held|write wrote written|stand stood|hear heard|let|mean meant|set|meet met|run ran|
                pay paid|sit sat|lead led|understand understood|lose lost|buy bought|send sent|build built|
                fall fell fallen|cut|rise rose risen|drive drove driven|break broke broken|choose chose chosen|
                win won|seek sought|teach taught|catch caught|fight fought|throw threw thrown|forget forgot forgotten|
                grow grew grown|draw drew drawn|show showed shown|hide hid hidden|shake shook shaken|
                swear swore sworn|steal stole stolen|strike struck|spend spent|sell sold|lend lent|flee fled|
                deal dealt|forbid forbade forbidden|bear bore borne born|wear wore worn|withdraw withdrew withdrawn|
                undertake undertook undertaken|overcome overcame|foresee foresaw foreseen|mislead misled|
                shoot shot|sink sank sunk|fly flew flown|eat ate eaten|drink drank drunk|ring rang rung|sing sang sung|
                light lit|feed fed|bleed bled|bind bound|dig dug|hang hung|slide slid|stick stuck|sting stung|
                strive strove striven|tear tore torn|wake woke woken|weep wept|wind wound|arise arose arisen|
                forgive forgave forgiven|freeze froze frozen|ride rode ridden|awake awoke awoken|slay slew slain|
                quit|put|hit|hurt|cost|spread|burst|cast|upset|shut|broadcast|forecast|bet|beat beaten|become became|
                uphold upheld|oversee oversaw overseen|withhold withheld|rebuild rebuilt|retell retold|unsay unsaid|
                child children|man men|woman women|person people|mouse mice|foot feet|tooth teeth|crisis crises|
                analysis analyses|thesis theses|criterion criteria|phenomenon phenomena|medium media""";
        for (String group : table.replace("\n", "").split("\\|")) {
            String[] forms = group.trim().split("\\s+");
            for (int i = 1; i < forms.length; i++) {
                INFLECTED.putIfAbsent(forms[i], forms[0]);
            }
            INFLECTIONS.putIfAbsent(forms[0], List.of(forms));
        }
    }

    static {
        family("speak", "speaks", "speaking");
        family("meet", "meeting", "meetings");
        family("die", "dying", "died", "dead", "death", "deaths");
        family("go", "goes");
        family("make", "making");
        family("have", "having");
        family("win", "winning");
        family("lose", "losing");
        family("leave", "leaving");
        family("begin", "beginning");
        family("fight", "fighting");
        family("run", "running");
        family("deny", "denied", "denies", "denial", "denials");
        family("decline", "declined", "declines", "declining");
        family("refuse", "refused", "refuses", "refusing", "refusal");
        family("reply", "replied", "replies");
        family("happen", "happened", "happens", "happening");
        family("talk", "talks", "talked", "talking");
        family("stop", "stopped", "stopping", "stops");
        family("plan", "planned", "planning", "plans");
        family("invade", "invasion", "invaded", "invading");
        family("elect", "election", "elections", "elected");
        family("communicate", "communication", "communications", "communicated");
        family("converse", "conversation", "conversations");
        family("negotiate", "negotiation", "negotiations", "negotiated");
        family("agree", "agreement", "agreements", "agreed");
        family("discuss", "discussion", "discussions", "discussed", "discussing");
        family("respond", "response", "responses", "responded", "responding");
        family("confirm", "confirmation", "confirmed", "confirming");
        family("relation", "relations", "relationship", "relationships");
        family("visit", "visited", "visiting", "visits");
        family("promise", "promised", "promises", "pledge", "pledged", "vow", "vowed");
        family("telephone", "telephoned", "phone", "phoned", "phones");
        family("call", "called", "calls", "calling");
        family("end", "ended", "ending", "ends");
        family("kill", "killed", "killing", "killings");
        family("peace", "peaceful");

        group("speak", "speak", "talk", "converse", "call", "telephone", "communicate", "contact", "chat");
        group("meet", "meet", "summit", "visit", "talk");
        group("deny", "deny", "reject", "dismiss", "refute", "rebut");
        group("confirm", "confirm", "acknowledge", "verify");
        group("respond", "respond", "reply", "comment", "answer", "react");
        group("end", "end", "stop", "halt", "finish", "ceasefire", "truce", "peace");
        group("war", "war", "conflict", "fight", "invade", "hostility", "offensive");
        group("die", "die", "kill", "casualty", "victim");
        group("relation", "relation", "tie", "rapport");
        group("plan", "plan", "proposal", "strategy", "scheme");
        group("agree", "agree", "deal", "accord", "treaty");
        group("negotiate", "negotiate", "talk", "discuss", "mediate");
        group("ready", "ready", "willing", "prepared");
        group("report", "report", "article", "story", "newspaper");
        group("promise", "promise");
        group("hope", "hope", "wish", "want");
        group("elect", "elect", "vote", "ballot", "poll");
        group("attack", "attack", "strike", "bomb", "shell", "assault");
        group("sanction", "sanction", "embargo", "tariff");
        group("aid", "aid", "assistance", "support", "help");
    }

    private Lexicon() {
    }

    private static void family(String lemma, String... forms) {
        for (String f : forms) {
            FAMILY.put(f, lemma);
        }
    }

    private static void group(String name, String... lemmas) {
        for (String l : lemmas) {
            GROUPS_OF.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(name);
            MEMBERS.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(l);
        }
    }

    public static boolean isStopword(String word) {
        return STOP.contains(word);
    }

    /** The base form of an irregular inflection ("spoken" → "speak"), or null when the word is none. */
    public static String irregularBase(String word) {
        return word == null ? null : INFLECTED.get(word.toLowerCase(Locale.ROOT));
    }

    /** Every form of an irregular word's base ("speak" → speak, spoke, spoken); empty when it has none. */
    public static List<String> inflections(String base) {
        return INFLECTIONS.getOrDefault(base, List.of());
    }

    /**
     * The lemma of a word: its family ("denial" → "deny") or irregular base ("spoke" → "speak") first, then a
     * conservative suffix stemmer.
     */
    public static String lemma(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String known = FAMILY.get(w);
        if (known == null) {
            known = INFLECTED.get(w);
        }
        if (known != null) {
            return known;
        }
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ied") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ing") && w.length() > 5) {
            return undouble(w.substring(0, w.length() - 3));
        }
        if (w.endsWith("ed") && w.length() > 4) {
            String stem = w.substring(0, w.length() - 2);
            if (stem.endsWith("e")) {
                return stem;
            }
            return undouble(stem);
        }
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String stem) {
        int n = stem.length();
        if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0
                && "aeiou".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }

    /** The lemma and its synonym-group names: the keys two words must share to match. */
    public static Set<String> senses(String word) {
        String lemma = lemma(word);
        Set<String> out = new LinkedHashSet<>();
        out.add("l:" + lemma);
        for (String g : GROUPS_OF.getOrDefault(lemma, Set.of())) {
            out.add("g:" + g);
        }
        return out;
    }

    /** True when the two words match (same lemma or a shared synonym group). */
    public static boolean matches(String a, String b) {
        Set<String> sa = senses(a);
        for (String s : senses(b)) {
            if (sa.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Surface forms to look a term up by in a stemmed full-text index: the word, its lemma, the lemmas of its
     * groups and their irregular forms.
     */
    public static Set<String> expansions(String word) {
        Set<String> out = new LinkedHashSet<>();
        String lemma = lemma(word);
        out.add(word);
        out.add(lemma);
        for (String g : GROUPS_OF.getOrDefault(lemma, Set.of())) {
            out.addAll(MEMBERS.getOrDefault(g, Set.of()));
        }
        Set<String> lemmas = new LinkedHashSet<>(out);
        FAMILY.forEach((form, l) -> {
            if (lemmas.contains(l)) {
                out.add(form);
            }
        });
        for (String l : lemmas) {
            out.addAll(inflections(l));
        }
        return out;
    }

    /** The key terms of a text: non-stopword tokens, in order. */
    public static List<String> keyTerms(String text) {
        return Text.words(text).stream().filter(w -> !isStopword(w) && w.length() > 1).toList();
    }
}
