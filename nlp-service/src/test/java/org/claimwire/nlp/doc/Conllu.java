package org.claimwire.nlp.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsed documents in CoNLL-U (basic tree in HEAD/DEPREL, enhanced++ graph in DEPS, NER and character
 * offsets in MISC), so rule tests read parses instead of running CoreNLP. A document starts with a
 * {@code # text = } line (newlines escaped as \n); each sentence is a block of token lines.
 */
public final class Conllu {
    private Conllu() {
    }

    public static String write(ParsedDoc doc) {
        StringBuilder sb = new StringBuilder();
        sb.append("# text = ").append(doc.text().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        for (Sentence s : doc.sentences()) {
            for (int i = 0; i < s.size(); i++) {
                Token t = s.token(i);
                StringBuilder deps = new StringBuilder();
                for (Edge e : s.edges()) {
                    if (e.dep() == i) {
                        deps.append(deps.length() > 0 ? "|" : "").append(e.gov() + 1).append(':').append(e.rel());
                    }
                }
                sb.append(i + 1).append('\t').append(t.word()).append('\t').append(t.lemma()).append("\t_\t")
                        .append(t.pos()).append("\t_\t").append(s.parsed() ? s.head(i) + 1 : "_").append('\t')
                        .append(s.parsed() ? s.rel(i) : "_").append('\t').append(deps.length() > 0 ? deps : "_")
                        .append('\t').append("NER=").append(t.ner()).append("|Offsets=").append(t.begin()).append('-')
                        .append(t.end()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** All documents of a CoNLL-U file written by {@link #write}. */
    public static List<ParsedDoc> read(String conllu) {
        List<ParsedDoc> docs = new ArrayList<>();
        String text = null;
        List<Sentence> sentences = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : (conllu + "\n").split("\n", -1)) {
            if (line.startsWith("# text = ")) {
                if (text != null) {
                    flush(rows, sentences);
                    docs.add(new ParsedDoc(text, sentences));
                }
                text = line.substring(9).replace("\\n", "\n").replace("\\\\", "\\");
                sentences = new ArrayList<>();
            } else if (line.isBlank()) {
                flush(rows, sentences);
            } else if (!line.startsWith("#")) {
                rows.add(line.split("\t", -1));
            }
        }
        if (text != null) {
            flush(rows, sentences);
            docs.add(new ParsedDoc(text, sentences));
        }
        return docs;
    }

    private static void flush(List<String[]> rows, List<Sentence> sentences) {
        if (rows.isEmpty()) {
            return;
        }
        List<Token> toks = new ArrayList<>();
        int n = rows.size();
        int[] head = new int[n];
        String[] rel = new String[n];
        List<Edge> edges = new ArrayList<>();
        boolean parsed = !rows.get(0)[6].equals("_");
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            String ner = "O";
            int begin = 0;
            int end = 0;
            for (String kv : r[9].split("\\|")) {
                if (kv.startsWith("NER=")) {
                    ner = kv.substring(4);
                } else if (kv.startsWith("Offsets=")) {
                    String[] be = kv.substring(8).split("-");
                    begin = Integer.parseInt(be[0]);
                    end = Integer.parseInt(be[1]);
                }
            }
            toks.add(new Token(i, r[1], r[2], r[4], ner, begin, end));
            if (parsed) {
                head[i] = Integer.parseInt(r[6]) - 1;
                rel[i] = r[7];
                if (!r[8].equals("_")) {
                    for (String d : r[8].split("\\|")) {
                        int colon = d.indexOf(':');
                        edges.add(new Edge(Integer.parseInt(d.substring(0, colon)) - 1, i, d.substring(colon + 1)));
                    }
                }
            }
        }
        Sentence s = new Sentence(sentences.size(), toks);
        if (parsed) {
            s.setParse(head, rel, edges);
        }
        sentences.add(s);
        rows.clear();
    }
}
