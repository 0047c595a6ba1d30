package org.claimwire.nlp.entities;

/** One mention of an entity: tokens [startTok, endTok) of sentence {@code sent}, body offsets [begin, end). */
public final class Mention {
    public enum Kind { NAME, TITLE, PRONOUN, NOMINAL }

    final int sent;
    final int startTok;
    final int endTok;
    final int begin;
    final int end;
    final String text;
    final Kind kind;
    boolean subject;
    boolean rootSubject;
    Entity entity;

    Mention(int sent, int startTok, int endTok, int begin, int end, String text, Kind kind) {
        this.sent = sent;
        this.startTok = startTok;
        this.endTok = endTok;
        this.begin = begin;
        this.end = end;
        this.text = text;
        this.kind = kind;
    }

    public int sent() {
        return sent;
    }

    public int startTok() {
        return startTok;
    }

    public int endTok() {
        return endTok;
    }

    public int begin() {
        return begin;
    }

    public int end() {
        return end;
    }

    public String text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    public Entity entity() {
        return entity;
    }

    boolean before(int s, int tok) {
        return sent < s || (sent == s && startTok < tok);
    }

    @Override
    public String toString() {
        return text + "@" + begin + "(" + kind + ")";
    }
}
