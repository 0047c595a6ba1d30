package org.claimwire.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a story body into plain and entity-marked segments from mention offsets (Java String indices, end
 * exclusive). Out-of-range mentions are ignored; of overlapping mentions the earlier (then the longer) wins.
 */
public final class Highlighter {

    public record Mark(int start, int end, long entityId) {
    }

    /** A piece of the body; {@code entityId} is null for plain text. */
    public record Segment(String text, Long entityId, Integer start, Integer end) {
    }

    private Highlighter() {
    }

    public static List<Segment> segments(String body, List<Mark> marks) {
        List<Segment> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        List<Mark> sorted = new ArrayList<>();
        for (Mark m : marks) {
            if (m.start() >= 0 && m.end() <= body.length() && m.start() < m.end()) {
                sorted.add(m);
            }
        }
        sorted.sort(Comparator.comparingInt(Mark::start).thenComparing(Comparator.comparingInt(Mark::end).reversed()));
        int pos = 0;
        for (Mark m : sorted) {
            if (m.start() < pos) {
                continue;
            }
            if (m.start() > pos) {
                out.add(new Segment(body.substring(pos, m.start()), null, null, null));
            }
            out.add(new Segment(body.substring(m.start(), m.end()), m.entityId(), m.start(), m.end()));
            pos = m.end();
        }
        if (pos < body.length()) {
            out.add(new Segment(body.substring(pos), null, null, null));
        }
        return out;
    }

    /** The same as HTML: text escaped, mentions as {@code <mark data-entity="id">}. */
    public static String html(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s.entityId() != null) {
                sb.append("<mark data-entity=\"").append(s.entityId()).append("\">").append(escape(s.text())).append("</mark>");
            } else {
                sb.append(escape(s.text()));
            }
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
