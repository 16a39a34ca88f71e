package dev.throughline.planning;

import java.util.Objects;

/**
 * An override of a stored plan that today's solve does not use, said in the answer rather
 * than dropped silently: {@code field} the plan's field ({@code commitments},
 * {@code exclusions}, {@code capacity}), {@code item} the epic or team it names,
 * {@code period} the quarter (null for exclusions), {@code rule} which rule it breaks
 * ({@link #OUTSIDE_HORIZON}, {@link #NOT_A_CANDIDATE}, {@link #UNKNOWN_TEAM},
 * {@link #NOT_A_QUARTER}) and {@code message} in words.
 */
public record PlanNotice(String field, String item, String period, String rule, String message) {

    public static final String OUTSIDE_HORIZON = "OUTSIDE_HORIZON";

    public static final String NOT_A_CANDIDATE = "NOT_A_CANDIDATE";

    public static final String UNKNOWN_TEAM = "UNKNOWN_TEAM";

    public static final String NOT_A_QUARTER = "NOT_A_QUARTER";

    public PlanNotice {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** The API's name of the field, e.g. {@code commitments.WEB-1}. */
    public String path() {
        return field + "." + item + (field.equals("capacity") ? "." + period : "");
    }

}
