package dev.throughline.readmodel;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A program's JQL refinement in the subset {@link RefinementParser} reads, judged against
 * the fields an issue event carries. JQL matches in three values: a comparison on an
 * empty field is neither true nor false ({@code labels != x} and {@code NOT labels = x}
 * both leave out an issue without labels), so {@code NOT} keeps it unknown and only a
 * true condition matches. A fourth value, {@link Truth#UNDECIDED}, says the event cannot
 * tell (a field it does not carry, a name whose case Jira may or may not ignore): then
 * the issue is searched as before.
 */
public sealed interface RefinementCondition {

    /** How a condition holds for one issue. */
    enum Truth {

        TRUE, FALSE, UNKNOWN, UNDECIDED;

        Truth not() {
            return switch (this) {
                case TRUE -> FALSE;
                case FALSE -> TRUE;
                default -> this;
            };
        }

        Truth and(Truth other) {
            if (this == FALSE || other == FALSE) {
                return FALSE;
            }
            if (this == UNDECIDED || other == UNDECIDED) {
                return UNDECIDED;
            }
            return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
        }

        Truth or(Truth other) {
            if (this == TRUE || other == TRUE) {
                return TRUE;
            }
            if (this == UNDECIDED || other == UNDECIDED) {
                return UNDECIDED;
            }
            return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
        }

    }

    /**
     * One value of an issue's field: its id (if it has one) and the names JQL may give it
     * (a project's key and name, a status's name); {@code caseKnown}: whether Jira's case
     * rule for the names is certain (not for labels, components and versions).
     */
    record FieldValue(Optional<String> id, List<String> names, boolean caseKnown) {

        public FieldValue {
            Objects.requireNonNull(id, "id");
            names = List.copyOf(names);
        }

        Truth is(String text) {
            if (id.filter(text::equals).isPresent()) {
                return Truth.TRUE;
            }
            for (String name : names) {
                if (name.equals(text) || caseKnown && name.equalsIgnoreCase(text)) {
                    return Truth.TRUE;
                }
            }
            boolean caseOnly = names.stream().anyMatch(name -> name.equalsIgnoreCase(text));
            return caseOnly ? Truth.UNDECIDED : Truth.FALSE;
        }

    }

    /** The values an event carries for a field, or empty when it does not carry it. */
    interface Fields {

        /**
         * @param field one of {@link Term#FIELDS}
         */
        Optional<List<FieldValue>> values(String field);

    }

    Truth test(Fields fields);

    record And(RefinementCondition left, RefinementCondition right) implements RefinementCondition {

        @Override
        public Truth test(Fields fields) {
            Truth first = left.test(fields);
            return first == Truth.FALSE ? first : first.and(right.test(fields));
        }

    }

    record Or(RefinementCondition left, RefinementCondition right) implements RefinementCondition {

        @Override
        public Truth test(Fields fields) {
            Truth first = left.test(fields);
            return first == Truth.TRUE ? first : first.or(right.test(fields));
        }

    }

    record Not(RefinementCondition condition) implements RefinementCondition {

        @Override
        public Truth test(Fields fields) {
            return condition.test(fields).not();
        }

    }

    enum Operator {

        IN, NOT_IN, IS_EMPTY, IS_NOT_EMPTY

    }

    /**
     * {@code field = v} and {@code field in (…)} are {@link Operator#IN}, {@code !=} and
     * {@code not in} {@link Operator#NOT_IN}.
     */
    record Term(String field, Operator operator, List<String> values) implements RefinementCondition {

        /** The fields of the subset, by their JQL names in lower case. */
        public static final Set<String> FIELDS = Set.of("project", "issuetype", "status", "statuscategory", "labels",
                "component", "fixversion", "priority", "resolution");

        public Term {
            field = field.toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("not a field of the subset: " + field);
            }
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
            boolean emptyCheck = operator == Operator.IS_EMPTY || operator == Operator.IS_NOT_EMPTY;
            if (values.isEmpty() != emptyCheck) {
                throw new IllegalArgumentException("values do not fit the operator " + operator);
            }
        }

        @Override
        public Truth test(Fields fields) {
            Optional<List<FieldValue>> carried = fields.values(field);
            if (carried.isEmpty()) {
                return Truth.UNDECIDED;
            }
            List<FieldValue> present = carried.get();
            return switch (operator) {
                case IS_EMPTY -> present.isEmpty() ? Truth.TRUE : Truth.FALSE;
                case IS_NOT_EMPTY -> present.isEmpty() ? Truth.FALSE : Truth.TRUE;
                case IN -> anyOf(present);
                case NOT_IN -> anyOf(present).not();
            };
        }

        /** Jira: a comparison on an empty field is unknown, so its negation is too. */
        private Truth anyOf(List<FieldValue> present) {
            if (present.isEmpty()) {
                return Truth.UNKNOWN;
            }
            Truth any = Truth.FALSE;
            for (FieldValue value : present) {
                for (String text : values) {
                    any = any.or(value.is(text));
                }
            }
            return any;
        }

    }

}
