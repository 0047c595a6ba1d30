package org.claimwire.query.ask;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, general English lexicon for matching a question's key terms against claim texts: irregular verb
 * forms, a light suffix stemmer for regular inflections, and synonym groups of news vocabulary (speech and
 * contact, meetings, confirmation and denial, conflict, ...). A term matches a word of a claim when both have
 * the same lemma or share a group. Nothing here is specific to one story.
 */
public final class Lexicon {

    private static final Map<String, String> IRREGULAR = new HashMap<>();
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
        irregular("speak", "spoke", "spoken", "speaks", "speaking");
        irregular("say", "said", "says");
        irregular("tell", "told");
        irregular("meet", "met", "meeting", "meetings");
        irregular("die", "dying", "died", "dead", "death", "deaths");
        irregular("know", "knew", "known");
        irregular("go", "went", "gone", "goes");
        irregular("take", "took", "taken");
        irregular("give", "gave", "given");
        irregular("see", "saw", "seen");
        irregular("make", "made", "making");
        irregular("have", "had", "has", "having");
        irregular("win", "won", "winning");
        irregular("lose", "lost", "losing");
        irregular("hold", "held");
        irregular("leave", "left", "leaving");
        irregular("begin", "began", "begun", "beginning");
        irregular("think", "thought");
        irregular("bring", "brought");
        irregular("buy", "bought");
        irregular("seek", "sought");
        irregular("fight", "fought", "fighting");
        irregular("run", "ran", "running");
        irregular("write", "wrote", "written");
        irregular("break", "broke", "broken");
        irregular("choose", "chose", "chosen");
        irregular("deny", "denied", "denies", "denial", "denials");
        irregular("reply", "replied", "replies");
        irregular("happen", "happened", "happens", "happening");
        irregular("talk", "talks", "talked", "talking");
        irregular("stop", "stopped", "stopping", "stops");
        irregular("plan", "planned", "planning", "plans");
        irregular("invade", "invasion", "invaded", "invading");
        irregular("elect", "election", "elections", "elected");
        irregular("communicate", "communication", "communications", "communicated");
        irregular("converse", "conversation", "conversations");
        irregular("negotiate", "negotiation", "negotiations", "negotiated");
        irregular("agree", "agreement", "agreements", "agreed");
        irregular("discuss", "discussion", "discussions", "discussed", "discussing");
        irregular("respond", "response", "responses", "responded", "responding");
        irregular("confirm", "confirmation", "confirmed", "confirming");
        irregular("relation", "relations", "relationship", "relationships");
        irregular("visit", "visited", "visiting", "visits");
        irregular("promise", "promised", "promises", "pledge", "pledged", "vow", "vowed");
        irregular("telephone", "telephoned", "phone", "phoned", "phones");
        irregular("call", "called", "calls", "calling");
        irregular("end", "ended", "ending", "ends");
        irregular("kill", "killed", "killing", "killings");
        irregular("peace", "peaceful");

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

    private static void irregular(String lemma, String... forms) {
        for (String f : forms) {
            IRREGULAR.put(f, lemma);
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

    /** The lemma of a lower-case word: irregular table first, then a conservative suffix stemmer. */
    public static String lemma(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        String irr = IRREGULAR.get(w);
        if (irr != null) {
            return irr;
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
        IRREGULAR.forEach((form, l) -> {
            if (lemmas.contains(l)) {
                out.add(form);
            }
        });
        return out;
    }

    /** The key terms of a text: non-stopword tokens, in order. */
    public static List<String> keyTerms(String text) {
        return Text.words(text).stream().filter(w -> !isStopword(w) && w.length() > 1).toList();
    }
}
