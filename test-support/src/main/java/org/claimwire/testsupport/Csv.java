package org.claimwire.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for tests of CSV exports: quoted fields, doubled quotes, CRLF after every record; a
 * bare line break, a quote inside an unquoted field or an unterminated quote is an error.
 */
public final class Csv {
    private Csv() {
    }

    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                if (field.length() > 0) {
                    throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (ch == '\r' || ch == '\n') {
                throw new IllegalArgumentException("bare line break at " + i);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (!row.isEmpty() || field.length() > 0) {
            throw new IllegalArgumentException("the last record does not end with CRLF");
        }
        return rows;
    }
}
