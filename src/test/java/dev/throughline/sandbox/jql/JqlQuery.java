package dev.throughline.sandbox.jql;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of a JQL query: an optional where clause and an optional ORDER BY list.
 */
public record JqlQuery(Clause where, List<SortKey> orderBy) {

    public JqlQuery {
        orderBy = List.copyOf(orderBy);
    }

    /** Jira requires a search restriction; "ORDER BY key" alone is unbounded. */
    public boolean bounded() {
        return where != null;
    }

    public sealed interface Clause permits And, Or, Not, Term {

    }

    public record And(Clause left, Clause right) implements Clause {
        public And {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    public record Or(Clause left, Clause right) implements Clause {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    public record Not(Clause clause) implements Clause {
        public Not {
            Objects.requireNonNull(clause);
        }
    }

    /** field op value(s); IN lists hold several values, IS [NOT] EMPTY none. */
    public record Term(String field, Operator operator, List<Value> values) implements Clause {
        public Term {
            Objects.requireNonNull(field);
            Objects.requireNonNull(operator);
            values = List.copyOf(values);
            if (operator.list() ? values.isEmpty() : values.size() != (operator.emptyCheck() ? 0 : 1)) {
                throw new IllegalArgumentException("wrong number of values for " + operator);
            }
        }

        public Value value() {
            return values.get(0);
        }
    }

    /** A literal; quoted literals are never treated as numbers or keywords. */
    public record Value(String text, boolean quoted) {
        public Value {
            Objects.requireNonNull(text);
        }
    }

    public record SortKey(String field, boolean descending) {
        public SortKey {
            Objects.requireNonNull(field);
        }
    }

    public enum Operator {

        EQUALS("="), NOT_EQUALS("!="), GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<="), IN("in"),
        NOT_IN("not in"), IS_EMPTY("is empty"), IS_NOT_EMPTY("is not empty");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean list() {
            return this == IN || this == NOT_IN;
        }

        public boolean emptyCheck() {
            return this == IS_EMPTY || this == IS_NOT_EMPTY;
        }

        public boolean ordering() {
            return this == GREATER || this == GREATER_OR_EQUAL || this == LESS || this == LESS_OR_EQUAL;
        }

        static Operator fromSymbol(String symbol) {
            for (Operator o : values())
                if (o.symbol.equals(symbol))
                    return o;
            throw new IllegalArgumentException(symbol);
        }

    }
}
