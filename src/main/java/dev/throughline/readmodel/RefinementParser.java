package dev.throughline.readmodel;

import dev.throughline.readmodel.RefinementCondition.And;
import dev.throughline.readmodel.RefinementCondition.Not;
import dev.throughline.readmodel.RefinementCondition.Operator;
import dev.throughline.readmodel.RefinementCondition.Or;
import dev.throughline.readmodel.RefinementCondition.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a refinement when the whole of it is in the subset an issue event can decide: the
 * fields of {@link Term#FIELDS} ({@code type} for {@code issuetype}) with {@code =},
 * {@code !=}, {@code in}, {@code not in}, {@code is [not] empty|null}, joined by
 * {@code AND}, {@code OR}, {@code NOT} and parentheses (JQL's precedence: NOT, then AND,
 * then OR); values quoted ({@code "…"}, {@code '…'}) or not. Anything else (another
 * field, a function such as {@code currentUser()}, {@code ~}, dates, {@code &&},
 * {@code = EMPTY}, {@code resolution = Unresolved}) reads as empty: the refinement is
 * then searched as before. Strict on purpose: a query read wrongly here would count
 * issues Jira would not.
 */
public final class RefinementParser {

    private static final Map<String, String> ALIASES = Map.of("type", "issuetype");

    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "is", "empty", "null", "order", "by");

    private static final String SPECIAL = "()=!<>~,\"'&|[]{}";

    /** Characters Jira reserves in unquoted values: such a value is left to Jira. */
    private static final String RESERVED_CHARS = "+;?*/%^$#@\\";

    private record Token(String text, boolean quoted) {

        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }

        boolean plainWord() {
            return !quoted && !RESERVED.contains(text.toLowerCase(Locale.ROOT))
                    && text.chars().noneMatch(c -> SPECIAL.indexOf(c) >= 0);
        }

    }

    private final List<Token> tokens;

    private int next;

    private RefinementParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The refinement's condition, or empty when it is not all in the subset. */
    public static Optional<RefinementCondition> parse(String refinement) {
        Optional<List<Token>> tokens = tokens(refinement);
        if (tokens.isEmpty() || tokens.get().isEmpty()) {
            return Optional.empty();
        }
        RefinementParser parser = new RefinementParser(tokens.get());
        Optional<RefinementCondition> condition = parser.or();
        return parser.next == parser.tokens.size() ? condition : Optional.empty();
    }

    private Optional<RefinementCondition> or() {
        Optional<RefinementCondition> left = and();
        while (left.isPresent() && accept("or")) {
            Optional<RefinementCondition> right = and();
            left = right.isEmpty() ? right : Optional.of(new Or(left.get(), right.get()));
        }
        return left;
    }

    private Optional<RefinementCondition> and() {
        Optional<RefinementCondition> left = not();
        while (left.isPresent() && accept("and")) {
            Optional<RefinementCondition> right = not();
            left = right.isEmpty() ? right : Optional.of(new And(left.get(), right.get()));
        }
        return left;
    }

    private Optional<RefinementCondition> not() {
        if (accept("not")) {
            return not().map(Not::new);
        }
        if (accept("(")) {
            Optional<RefinementCondition> inner = or();
            return accept(")") ? inner : Optional.empty();
        }
        return term();
    }

    private Optional<RefinementCondition> term() {
        Optional<String> field = peek().filter(Token::plainWord)
            .map(t -> t.text().toLowerCase(Locale.ROOT))
            .map(f -> ALIASES.getOrDefault(f, f))
            .filter(Term.FIELDS::contains);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        next++;
        Optional<Operator> operator = operator();
        if (operator.isEmpty()) {
            return Optional.empty();
        }
        Operator op = operator.get();
        if (op == Operator.IS_EMPTY || op == Operator.IS_NOT_EMPTY) {
            return Optional.of(new Term(field.get(), op, List.of()));
        }
        // in and not in take a list: the word just read was "in"
        Optional<List<String>> values = tokens.get(next - 1).is("in") ? valueList() : value().map(List::of);
        return values.filter(v -> !unresolved(field.get(), v)).map(v -> new Term(field.get(), op, v));
    }

    private Optional<Operator> operator() {
        if (accept("=")) {
            return Optional.of(Operator.IN);
        }
        if (accept("!=")) {
            return Optional.of(Operator.NOT_IN);
        }
        if (accept("in")) {
            return Optional.of(Operator.IN);
        }
        if (accept("not")) {
            return accept("in") ? Optional.of(Operator.NOT_IN) : Optional.empty();
        }
        if (accept("is")) {
            boolean negated = accept("not");
            return accept("empty") || accept("null") ? Optional.of(negated ? Operator.IS_NOT_EMPTY : Operator.IS_EMPTY)
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<List<String>> valueList() {
        if (!accept("(")) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        do {
            Optional<String> value = value();
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        while (accept(","));
        return accept(")") ? Optional.of(values) : Optional.empty();
    }

    /** A quoted or plain value; a function call ({@code name(…)}) is not one. */
    private Optional<String> value() {
        Optional<Token> token = peek().filter(t -> t.quoted() || t.plainWord());
        if (token.isEmpty()) {
            return Optional.empty();
        }
        next++;
        if (!token.get().quoted() && peek().filter(t -> t.is("(")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(token.get().text());
    }

    /**
     * {@code resolution = Unresolved} means an empty resolution in Jira (a word, not a
     * resolution's name): left to Jira.
     */
    private static boolean unresolved(String field, List<String> values) {
        return field.equals("resolution") && values.stream().anyMatch(v -> v.equalsIgnoreCase("unresolved"));
    }

    private Optional<Token> peek() {
        return next < tokens.size() ? Optional.of(tokens.get(next)) : Optional.empty();
    }

    private boolean accept(String word) {
        if (peek().filter(t -> t.is(word)).isPresent()) {
            next++;
            return true;
        }
        return false;
    }

    /**
     * Words, quoted strings and the symbols {@code ( ) , = !=}; any other symbol makes
     * the refinement one to leave to Jira.
     */
    private static Optional<List<Token>> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '(' || c == ')' || c == ',' || c == '=') {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            }
            else if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                tokens.add(new Token("!=", false));
                i += 2;
            }
            else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) {
                    if (text.charAt(j) == '\\') {
                        // only escaped quotes and backslashes: other escapes are left to
                        // Jira
                        if (j + 1 >= text.length() || "\"'\\".indexOf(text.charAt(j + 1)) < 0) {
                            return Optional.empty();
                        }
                        j++;
                    }
                    value.append(text.charAt(j++));
                }
                if (j >= text.length()) {
                    return Optional.empty();
                }
                tokens.add(new Token(value.toString(), true));
                i = j + 1;
            }
            else if (SPECIAL.indexOf(c) >= 0 || RESERVED_CHARS.indexOf(c) >= 0) {
                return Optional.empty();
            }
            else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j))
                        && SPECIAL.indexOf(text.charAt(j)) < 0) {
                    if (RESERVED_CHARS.indexOf(text.charAt(j)) >= 0) {
                        return Optional.empty();
                    }
                    j++;
                }
                tokens.add(new Token(text.substring(i, j), false));
                i = j;
            }
        }
        return Optional.of(tokens);
    }

}
