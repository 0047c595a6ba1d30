package org.claimwire.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.claimwire.nlp.doc.Edge;
import org.claimwire.nlp.doc.ParsedDoc;
import org.claimwire.nlp.doc.Sentence;
import org.claimwire.nlp.doc.Token;
import org.jboss.logging.Logger;

/**
 * Stanford CoreNLP in two stages, loaded once per process and safe to call from many threads:
 * <ol>
 *   <li>{@code tokenize, ssplit, pos, lemma, ner} (4-class CoNLL CRF, no fine-grained NER, no SUTime) on
 *       every sentence;</li>
 *   <li>{@code depparse} only on the sentences a caller selects (those that can hold an attribution),
 *       because the parser is where the time goes.</li>
 * </ol>
 */
public final class NlpPipeline {
    public static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    public static final List<String> ANNOTATORS = List.of("tokenize", "ssplit", "pos", "lemma", "ner", "depparse(selective)");

    private static final Logger LOG = Logger.getLogger(NlpPipeline.class);
    /** The default {@link #NlpPipeline(Duration) parse budget}. */
    public static final Duration DEFAULT_PARSE_BUDGET = Duration.ofSeconds(60);
    /** Sentences parsed between two looks at the clock. */
    private static final int PARSE_BATCH = 32;

    private final StanfordCoreNLP tagger;
    private final DependencyStage parser;
    private final long parseBudgetNanos;

    public NlpPipeline() {
        this(DEFAULT_PARSE_BUDGET);
    }

    /**
     * @param parseBudget the longest one text's dependency parses may take. Sentences past it are not parsed
     *        (they keep their tags and entities; claims there come only from rules that need no parse), so a
     *        huge story within the size limit cannot hold a worker, and its unacknowledged Kafka record, for
     *        many minutes.
     */
    public NlpPipeline(Duration parseBudget) {
        this.parseBudgetNanos = parseBudget.toNanos();
        this.tagger = new StanfordCoreNLP(taggerProperties());
        this.parser = new DependencyStage();
    }

    /** The properties of the first (tagging) stage: also what the benchmark's "lean" set uses. */
    public static Properties taggerProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        p.setProperty("tokenize.language", "en");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.model", NER_MODEL);
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("pos.maxlen", "200");
        return p;
    }

    /** Sentences longer than this many tokens are never parsed (wire copy rarely has them; tables do). */
    public static final int MAX_PARSE_TOKENS = 90;

    /**
     * Analyses {@code text}; sentences for which {@code needsParse} holds get a dependency parse.
     * Offsets in the result index {@code text}.
     */
    public ParsedDoc analyze(String text, Predicate<Sentence> needsParse) {
        String prepared = TextPrep.unwrapLines(text);
        Annotation ann = new Annotation(prepared);
        tagger.annotate(ann);
        List<CoreMap> coreSentences = ann.get(CoreAnnotations.SentencesAnnotation.class);
        List<Sentence> sentences = new ArrayList<>();
        List<CoreMap> toParse = new ArrayList<>();
        List<Sentence> toParseOurs = new ArrayList<>();
        if (coreSentences != null) {
            for (CoreMap cs : coreSentences) {
                List<CoreLabel> labels = cs.get(CoreAnnotations.TokensAnnotation.class);
                List<Token> toks = new ArrayList<>(labels.size());
                for (int i = 0; i < labels.size(); i++) {
                    CoreLabel l = labels.get(i);
                    String ner = l.ner() == null ? "O" : l.ner();
                    toks.add(new Token(i, l.word(), l.lemma() == null ? l.word() : l.lemma(), l.tag(), ner,
                            l.beginPosition(), l.endPosition()));
                }
                Sentence s = new Sentence(sentences.size(), toks);
                sentences.add(s);
                if (!toks.isEmpty() && toks.size() <= MAX_PARSE_TOKENS && needsParse.test(s)) {
                    toParse.add(cs);
                    toParseOurs.add(s);
                }
            }
        }
        long deadline = System.nanoTime() + parseBudgetNanos;
        for (int from = 0; from < toParse.size(); from += PARSE_BATCH) {
            if (from > 0 && System.nanoTime() - deadline > 0) {
                LOG.warnf("parse budget of %d s spent after %d of %d sentences (text of %d chars); the rest is not parsed",
                        parseBudgetNanos / 1_000_000_000L, from, toParse.size(), text.length());
                break;
            }
            int to = Math.min(toParse.size(), from + PARSE_BATCH);
            for (int k = from; k < to; k++) {
                parser.parse(toParse.get(k));
                copyParse(toParse.get(k), toParseOurs.get(k));
            }
        }
        return new ParsedDoc(text, sentences);
    }

    private static void copyParse(CoreMap cs, Sentence s) {
        SemanticGraph basic = cs.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        SemanticGraph enhanced = cs.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        if (basic == null) {
            return;
        }
        int n = s.size();
        int[] head = new int[n];
        String[] rel = new String[n];
        Arrays.fill(head, -1);
        Arrays.fill(rel, "root");
        for (SemanticGraphEdge e : basic.edgeIterable()) {
            int d = e.getDependent().index() - 1;
            if (d >= 0 && d < n) {
                head[d] = e.getGovernor().index() - 1;
                rel[d] = e.getRelation().toString();
            }
        }
        List<Edge> edges = new ArrayList<>();
        SemanticGraph g = enhanced != null ? enhanced : basic;
        for (SemanticGraphEdge e : g.edgeIterable()) {
            IndexedWord gov = e.getGovernor();
            IndexedWord dep = e.getDependent();
            if (gov.copyCount() > 0 || dep.copyCount() > 0) {
                continue;
            }
            edges.add(new Edge(gov.index() - 1, dep.index() - 1, e.getRelation().toString()));
        }
        s.setParse(head, rel, edges);
    }
}
