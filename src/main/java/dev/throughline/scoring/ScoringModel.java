package dev.throughline.scoring;

import java.util.List;
import java.util.Map;

/** A product-value model: named inputs with their rules, and a formula over them. */
public interface ScoringModel {

    /** Stable identifier stored with each score, e.g. "RICE" or "scorecard:growth". */
    String id();

    String name();

    /**
     * Bumped whenever the formula or the inputs change, so stored scores say which
     * definition made them.
     */
    int version();

    List<InputSpec> inputs();

    /** The score of already-checked inputs (see {@link InputParser}). */
    Score evaluate(ScoreInputs inputs);

    default Score evaluate(Map<String, ?> rawInputs) {
        return evaluate(InputParser.parse(this, rawInputs));
    }

}
