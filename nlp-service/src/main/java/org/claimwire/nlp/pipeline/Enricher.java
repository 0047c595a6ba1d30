package org.claimwire.nlp.pipeline;

import java.time.LocalDate;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.claimwire.events.NlpModel;
import org.claimwire.nlp.claims.ClaimExtractor;
import org.claimwire.nlp.claims.CueLexicon;
import org.claimwire.nlp.entities.EntityExtractor;
import org.claimwire.nlp.entities.StoryEntities;

/**
 * The whole enrichment of one story body: language check, CoreNLP (parse only where a cue can be),
 * entities with in-story resolution, claims with stance, unattributed check-worthy statements.
 * Thread-safe; share one instance per process.
 */
public final class Enricher {
    public static final NlpModel MODEL = new NlpModel("stanford-corenlp", "4.5.10+claimwire-rules-1",
            NlpPipeline.ANNOTATORS);

    private final NlpPipeline pipeline;
    private final EntityExtractor entities = new EntityExtractor();
    private final ClaimExtractor claims;

    public Enricher(NlpPipeline pipeline) {
        this(pipeline, CueLexicon.standard());
    }

    public Enricher(NlpPipeline pipeline, CueLexicon cues) {
        this.pipeline = pipeline;
        this.claims = new ClaimExtractor(cues);
    }

    /** Everything the service produces for a body; {@code refDate} anchors relative times ("today"). */
    public Result analyze(String body, String declaredLanguage, LocalDate refDate) {
        String language = language(body, declaredLanguage);
        if (!language.equals("en")) {
            return new Result(new Enrichment(language, List.of(), List.of()), null, null);
        }
        ParsedDoc doc = pipeline.analyze(body, claims::needsParse);
        StoryEntities ents = entities.extract(doc);
        List<Enrichment.Claim> cl = claims.extract(doc, ents, refDate == null ? LocalDate.now() : refDate);
        return new Result(new Enrichment("en", ents.toContract(), cl), doc, ents);
    }

    public Enrichment enrich(String body, String declaredLanguage, LocalDate refDate) {
        return analyze(body, declaredLanguage, refDate).enrichment();
    }

    /** The enrichment plus the intermediate analysis (for tests and benchmarks). */
    public record Result(Enrichment enrichment, ParsedDoc doc, StoryEntities entities) {
    }

    static String language(String body, String declared) {
        String detected = LanguageGuess.detect(body);
        if (!detected.equals("und")) {
            return detected;
        }
        if (declared != null && !declared.isBlank()) {
            String d = declared.trim().toLowerCase(java.util.Locale.ROOT);
            int dash = d.indexOf('-');
            return dash > 0 ? d.substring(0, dash) : d;
        }
        return "en";
    }
}
