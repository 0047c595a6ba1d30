package org.claimwire.nlp.pipeline;

import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import java.util.Properties;

/**
 * CoreNLP's neural dependency parser (UD, the model the {@code depparse} annotator loads) with only the two
 * graphs the rules read: the basic tree and enhanced++. The {@code depparse} annotator also builds the
 * collapsed, CC-processed and enhanced graphs of every sentence (about 7 % of the enrichment's CPU on
 * Reuters copy, none of it used). Thread-safe, like the parser.
 */
final class DependencyStage {
    /**
     * Hidden-layer contributions of (word, feature slot) pairs the parser's classifier keeps beyond the 20,000 the
     * model precomputes. CoreNLP's default of 5,000 is too few for wire copy (200 Reuters stories use ~7,500), and
     * a miss costs a 1000x50 matrix product and the LRU's bookkeeping. An entry is a float[1000] (4 KB), so
     * 20,000 entries stay under 80 MB of heap. The cached values are the floats a miss computes, so parses do
     * not change.
     */
    static final int CACHED_FEATURES = 20_000;

    private final DependencyParser parser;

    DependencyStage() {
        Properties props = new Properties();
        props.setProperty("numCached", Integer.toString(CACHED_FEATURES));
        this.parser = DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, props);
    }

    /**
     * Parses one tagged sentence and sets its {@code BasicDependenciesAnnotation} and
     * {@code EnhancedPlusPlusDependenciesAnnotation}, as the annotator does.
     */
    void parse(CoreMap sentence) {
        GrammaticalStructure gs = parser.predict(sentence);
        SemanticGraph basic = SemanticGraphFactory.makeFromTree(gs, SemanticGraphFactory.Mode.BASIC,
                GrammaticalStructure.Extras.NONE, null);
        SemanticGraph enhanced = SemanticGraphFactory.makeFromTree(gs, SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS,
                GrammaticalStructure.Extras.NONE, null);
        sentence.set(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class, basic);
        sentence.set(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class, enhanced);
    }
}
