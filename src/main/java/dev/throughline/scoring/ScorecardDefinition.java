package dev.throughline.scoring;

import java.util.List;

/**
 * A scorecard as an admin submits it ({@code name, form, criteria}); read from the
 * request, field by field, by {@code web/ScorecardRequest}.
 */
public record ScorecardDefinition(String name, Scorecard.Form form, List<Criterion> criteria) {

    public ScorecardDefinition {
        criteria = List.copyOf(criteria);
    }
}
