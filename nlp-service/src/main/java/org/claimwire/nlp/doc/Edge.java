package org.claimwire.nlp.doc;

/** A dependency edge between two token indexes of one sentence (enhanced++ relation names, e.g. {@code obl:to}). */
public record Edge(int gov, int dep, String rel) {

    /** The relation without its subtype: {@code obl:to} gives {@code obl}. */
    public String base() {
        int i = rel.indexOf(':');
        return i < 0 ? rel : rel.substring(0, i);
    }
}
