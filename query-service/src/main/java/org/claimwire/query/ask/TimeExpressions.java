package org.claimwire.query.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds time expressions ("next week", "on Friday", "late January", "February 24", "in 2026") in claim text. */
public final class TimeExpressions {
    private static final String DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private static final String UNIT = "(?:day|days|week|weeks|weekend|month|months|year|years|hour|hours)";
    private static final String NUM = "(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|\\d+)";
    private static final Pattern P = Pattern.compile("(?i)\\b(?:"
            + "(?:next|last|this|coming|past|previous|following)\\s+(?:" + UNIT + "|" + DAY + "|" + MONTH + ")"
            + "|(?:within|in|after|for|over)\\s+(?:the\\s+)?(?:next\\s+|coming\\s+|past\\s+)?" + NUM + "\\s+" + UNIT
            + "|" + NUM + "\\s+" + UNIT + "\\s+(?:ago|later|from now)"
            + "|(?:early|mid|late)[\\s-]+" + MONTH
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + "(?:\\s+\\d{4})?"
            + "|(?:early|late|later|earlier)\\s+this\\s+" + UNIT
            + "|(?:on\\s+)?" + DAY + "(?:\\s+(?:morning|afternoon|evening|night))?"
            + "|(?:in\\s+)" + MONTH + "(?:\\s+\\d{4})?"
            + "|(?:in|since|by|until|before|after)\\s+(?:19|20)\\d{2}"
            + "|today|tomorrow|yesterday|tonight|soon|shortly|immediately|right away|quickly"
            + "|\\d{4}-\\d{2}-\\d{2}"
            + ")\\b");

    private TimeExpressions() {
    }

    /** The time expressions of {@code text}, in order. */
    public static List<String> find(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = P.matcher(text);
        while (m.find()) {
            out.add(m.group().strip());
        }
        return out;
    }

    /** How to say when something was said: "on Friday", "in late January", "today", "on 2025-02-09". */
    public static String phrase(String timeText) {
        if (timeText == null || timeText.isBlank()) {
            return null;
        }
        String t = timeText.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("on ") || lower.startsWith("in ") || lower.startsWith("at ") || lower.startsWith("last ")
                || lower.startsWith("next ") || lower.startsWith("this ") || lower.matches("today|yesterday|tonight|tomorrow|earlier|recently")) {
            return t;
        }
        if (lower.matches(DAY + ".*") || lower.matches("\\d.*") || lower.matches(MONTH + "\\s+\\d.*")) {
            return "on " + t;
        }
        return "in " + t;
    }
}
