package org.claimwire.query.search;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes PostgreSQL's english full text lemma-aware for irregular verbs, which its Snowball stemmer leaves apart
 * ("spoken" stems to "spoken", "speak" to "speak"). At index time {@link #extras} lists the base forms of the
 * irregular forms a text contains (stored beside the text and indexed with it); at query time
 * {@link #rewrite} replaces irregular forms outside quotes by their base form. So "spoken" finds "speak",
 * "speaks", "spoke" and "spoken", and "said" finds "say" and "says".
 */
public final class Lemmas {
    private static final Map<String, String> BASE = new HashMap<>();
    private static final Map<String, java.util.List<String>> FORMS = new HashMap<>();
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

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
                BASE.putIfAbsent(forms[i], forms[0]);
            }
            FORMS.putIfAbsent(forms[0], java.util.List.of(forms));
        }
    }

    private Lemmas() {
    }

    /** The base form of an irregular form ("spoken" → "speak"), or null when the word is none. */
    public static String base(String word) {
        return word == null ? null : BASE.get(word.toLowerCase(Locale.ROOT));
    }

    /** Space-separated base forms of the irregular forms in {@code text} (each once), or "" for none. */
    public static String extras(String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                String b = base(m.group());
                if (b != null) {
                    out.add(b);
                }
            }
        }
        return String.join(" ", out);
    }

    /** A websearch query with irregular forms outside double quotes replaced by their base form. */
    public static String rewrite(String q) {
        StringBuilder sb = new StringBuilder(q.length());
        boolean quoted = false;
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                sb.append(c);
                i++;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < q.length() && Character.isLetter(q.charAt(j))) {
                    j++;
                }
                String w = q.substring(i, j);
                String b = quoted || w.equalsIgnoreCase("or") ? null : base(w);
                sb.append(b != null ? b : w);
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * Every form of the irregular words of {@code q} ("spoken" or "speak" → "speak or spoke or spoken") as a
     * websearch "or" query, so snippets mark the forms the stemmer does not relate; null when there are none.
     */
    public static String originalForms(String q) {
        Set<String> forms = new LinkedHashSet<>();
        Matcher m = WORD.matcher(q);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            String b = BASE.getOrDefault(w, w);
            if (FORMS.containsKey(b) && FORMS.get(b).size() > 1) {
                forms.addAll(FORMS.get(b));
            }
        }
        return forms.isEmpty() ? null : String.join(" or ", forms);
    }
}
