package org.claimwire.nlp.claims;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimwire.nlp.doc.Token;

/**
 * A transparent check-worthiness score in [0, 1] for a span of tokens: figures (numbers, amounts,
 * percentages), casualties, dates, and official (non-)confirmations raise it; questions, first-person
 * opinion and very short spans lower it.
 */
public final class CheckWorthiness {
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
            "thousands", "million", "millions", "billion", "billions", "trillion", "dozen", "dozens", "scores", "half",
            "double", "doubled", "tripled", "mln", "bln", "pct");
    private static final Set<String> CASUALTY = Set.of("kill", "die", "dead", "death", "wound", "injure", "injured",
            "casualty", "toll", "massacre", "murder", "victim", "missing", "displace", "evacuate", "flee", "arrest",
            "detain", "bomb", "shell", "attack", "strike", "destroy", "invasion", "invade", "erupt", "hostage", "fatality");
    private static final Set<String> MONEY = Set.of("%", "percent", "pct", "$", "dlrs", "dollar", "euro", "euros",
            "pound", "yen", "cts", "stg", "rate", "price", "inflation", "gdp", "deficit", "surplus", "profit", "loss",
            "revenue", "revenues", "sales", "shares", "tonnes", "barrels");
    private static final Set<String> DATE_WORDS = Set.of("january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "anniversary");
    private static final Set<String> OFFICIAL = Set.of("confirm", "deny", "announce", "acknowledge", "officially",
            "official", "statement", "ban", "sanction", "approve", "sign", "vote", "elect", "resign", "appoint", "law");
    private static final Set<String> FIRST_PERSON = Set.of("i", "we", "me", "us", "my", "our");

    private CheckWorthiness() {
    }

    public static double score(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return 0;
        }
        double s = 0.1;
        boolean number = false;
        boolean casualty = false;
        boolean money = false;
        boolean date = false;
        boolean official = false;
        boolean negated = false;
        int names = 0;
        int firstPerson = 0;
        boolean question = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.lower();
            String lemma = t.lemma().toLowerCase(Locale.ROOT);
            if ((t.pos().equals("CD") && w.chars().anyMatch(Character::isLetterOrDigit)) || NUMBER_WORDS.contains(w)) {
                number = true;
            }
            if (CASUALTY.contains(lemma) || CASUALTY.contains(w)) {
                casualty = true;
            }
            if (MONEY.contains(w) || MONEY.contains(lemma)) {
                money = true;
            }
            if (DATE_WORDS.contains(w) || w.matches("(1[89]|20)\\d\\d") || (w.equals("years") && i + 1 < tokens.size()
                    && tokens.get(i + 1).lower().equals("old"))) {
                date = true;
            }
            if (OFFICIAL.contains(lemma)) {
                official = true;
            }
            if (w.equals("not") || w.equals("n't") || w.equals("never") || w.equals("no")) {
                negated = true;
            }
            if (!"O".equals(t.ner()) && (i == 0 || !t.ner().equals(tokens.get(i - 1).ner()))) {
                names++;
            }
            if (FIRST_PERSON.contains(w)) {
                firstPerson++;
            }
            if (w.equals("?")) {
                question = true;
            }
        }
        if (number) {
            s += 0.3;
        }
        if (casualty) {
            s += 0.3;
        }
        if (money) {
            s += 0.15;
        }
        if (date) {
            s += 0.2;
        }
        if (official) {
            s += negated ? 0.4 : 0.25;
        }
        s += Math.min(0.15, names * 0.05);
        if (question) {
            s -= 0.3;
        }
        if (firstPerson > 0) {
            s -= 0.15;
        }
        if (tokens.size() < 5) {
            s -= 0.2;
        }
        return Math.round(Math.max(0, Math.min(1, s)) * 100) / 100.0;
    }
}
