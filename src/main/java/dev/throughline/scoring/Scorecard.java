package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A site's own scoring model: weighted criteria combined as a weighted sum (benefits
 * minus costs) or as a benefit ÷ cost ratio. {@code version} goes up with every change,
 * so stored scores say which one made them.
 */
public record Scorecard(String id, String name, int version, Form form, List<Criterion> criteria) {

    public enum Form {

        WEIGHTED_SUM, BENEFIT_COST_RATIO

    }

    public static final int MAX_CRITERIA = 20;

    public Scorecard {
        Objects.requireNonNull(form, "form");
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new InvalidInputException("id", "Scorecard id must be 1 to 40 lower-case letters, digits or -");
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new InvalidInputException("name", "Scorecard name must be 1 to 80 characters");
        }
        if (version < 1) {
            throw new InvalidInputException("version", "Scorecard version starts at 1");
        }
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
            throw new InvalidInputException("criteria", "A scorecard needs 1 to " + MAX_CRITERIA + " criteria");
        }
        Set<String> keys = new HashSet<>();
        for (Criterion criterion : criteria) {
            if (!keys.add(criterion.key().toLowerCase())) {
                throw new InvalidInputException("criteria", "Criterion key " + criterion.key() + " is used twice");
            }
        }
        if (form == Form.BENEFIT_COST_RATIO
                && (count(criteria, Criterion.Kind.BENEFIT) == 0 || count(criteria, Criterion.Kind.COST) == 0)) {
            throw new InvalidInputException("form",
                    "A benefit / cost ratio needs at least one benefit and one cost criterion");
        }
    }

    public String modelId() {
        return "scorecard:" + id;
    }

    public Scorecard nextVersion(String newName, Form newForm, List<Criterion> newCriteria) {
        return new Scorecard(id, newName, version + 1, newForm, newCriteria);
    }

    private static long count(List<Criterion> criteria, Criterion.Kind kind) {
        return criteria.stream().filter(c -> c.kind() == kind).count();
    }
}
