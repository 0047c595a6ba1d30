package org.claimwire.nlp.claims;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the common time expressions of news copy relative to the story date: today, yesterday,
 * tomorrow, weekdays (the most recent one, or the next one after "next"), "last/next week|month|year",
 * "February 24", "late January", years. Returns ISO-8601 (date, year-month, ISO week or year) or null.
 * A cheap stand-in for SUTime, which costs more than the rest of the tagging.
 */
public final class TimeNormaliser {
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?(?:,?\\s+(\\d{4}))?");
    private static final Pattern MONTH = Pattern.compile(
            "\\b(january|february|march|april|may|june|july|august|september|october|november|december)\\b(?:\\s+(\\d{4}))?");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(next|last|this|on)?\\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern REL_UNIT = Pattern.compile("\\b(last|next|this|past|coming)\\s+(week|month|year)\\b");

    private TimeNormaliser() {
    }

    public static String normalise(String expression, LocalDate ref) {
        if (expression == null || ref == null) {
            return null;
        }
        String s = expression.toLowerCase(Locale.ROOT).trim();
        if (s.matches(".*\\b(today|tonight|this (morning|afternoon|evening))\\b.*")) {
            return ref.toString();
        }
        if (s.matches(".*\\byesterday\\b.*")) {
            return ref.minusDays(1).toString();
        }
        if (s.matches(".*\\btomorrow\\b.*")) {
            return ref.plusDays(1).toString();
        }
        Matcher m = MONTH_DAY.matcher(s);
        if (m.find()) {
            return monthDay(month(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), ref);
        }
        m = DAY_MONTH.matcher(s);
        if (m.find()) {
            return monthDay(month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3), ref);
        }
        m = WEEKDAY.matcher(s);
        if (m.find()) {
            DayOfWeek d = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            if ("next".equals(m.group(1))) {
                return ref.with(TemporalAdjusters.next(d)).toString();
            }
            if ("last".equals(m.group(1))) {
                return ref.with(TemporalAdjusters.previous(d)).toString();
            }
            return ref.with(TemporalAdjusters.previousOrSame(d)).toString();
        }
        m = MONTH.matcher(s);
        if (m.find()) {
            Month mo = month(m.group(1));
            int year = m.group(2) != null ? Integer.parseInt(m.group(2))
                    : (mo.getValue() > ref.getMonthValue() ? ref.getYear() - 1 : ref.getYear());
            return String.format(Locale.ROOT, "%04d-%02d", year, mo.getValue());
        }
        m = REL_UNIT.matcher(s);
        if (m.find()) {
            int delta = switch (m.group(1)) {
                case "last", "past" -> -1;
                case "next", "coming" -> 1;
                default -> 0;
            };
            return switch (m.group(2)) {
                case "week" -> {
                    LocalDate d = ref.plusWeeks(delta);
                    yield String.format(Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                }
                case "month" -> {
                    LocalDate d = ref.plusMonths(delta);
                    yield String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
                }
                default -> String.valueOf(ref.getYear() + delta);
            };
        }
        m = YEAR.matcher(s);
        if (m.find()) {
            return m.group(1);
        }
        return null;
    }

    /** Whether a word can head a time expression ("Friday", "today", "January", "week"). */
    public static boolean isTimeWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.matches("today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|week|weekend|month|year"
                + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                + "|january|february|march|april|may|june|july|august|september|october|november|december"
                + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|(1[89]|20)\\d\\d");
    }

    private static String monthDay(Month mo, int day, String year, LocalDate ref) {
        int y = year != null ? Integer.parseInt(year) : ref.getYear();
        try {
            return LocalDate.of(y, mo, day).toString();
        } catch (RuntimeException e) {
            return String.format(Locale.ROOT, "%04d-%02d", y, mo.getValue());
        }
    }

    private static Month month(String prefix) {
        String p = prefix.substring(0, 3);
        for (Month mo : Month.values()) {
            if (mo.name().toLowerCase(Locale.ROOT).startsWith(p)) {
                return mo;
            }
        }
        throw new IllegalArgumentException(prefix);
    }
}
