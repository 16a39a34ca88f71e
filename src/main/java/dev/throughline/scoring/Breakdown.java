package dev.throughline.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The terms of a score and the formula with the numbers filled in, e.g. "500 × 2 × 80% ÷
 * 4 = 200".
 */
public record Breakdown(List<Term> terms, String formula) {

    public Breakdown {
        terms = List.copyOf(terms);
        Objects.requireNonNull(formula, "formula");
    }
}
