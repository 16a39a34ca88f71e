package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.jql.JqlQuery.And;
import dev.throughline.sandbox.jql.JqlQuery.Clause;
import dev.throughline.sandbox.jql.JqlQuery.Not;
import dev.throughline.sandbox.jql.JqlQuery.Operator;
import dev.throughline.sandbox.jql.JqlQuery.Or;
import dev.throughline.sandbox.jql.JqlQuery.SortKey;
import dev.throughline.sandbox.jql.JqlQuery.Term;
import dev.throughline.sandbox.jql.JqlQuery.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the JQL subset the sandbox supports (syntax only; field names are checked by
 * {@link JqlMatcher}): {@code field op value}, {@code field [not] in (v, ...)},
 * {@code field is [not] empty}, AND, OR, NOT, parentheses and
 * {@code ORDER BY field [ASC|DESC], ...}. AND binds tighter than OR, as in Jira.
 */
public final class JqlParser {

    private final List<Token> tokens;

    private int position;

    private JqlParser(String jql) {
        this.tokens = new JqlTokenizer(jql).tokens();
    }

    public static JqlQuery parse(String jql) {
        return new JqlParser(jql == null ? "" : jql).query();
    }

    private JqlQuery query() {
        Clause where = null;
        if (!peekKeyword("order") && peek().type() != TokenType.END)
            where = or();
        List<SortKey> orderBy = new ArrayList<>();
        if (acceptKeyword("order")) {
            expectKeyword("by");
            do {
                String field = expect(TokenType.WORD, TokenType.STRING).text();
                boolean descending = false;
                if (acceptKeyword("desc"))
                    descending = true;
                else
                    acceptKeyword("asc");
                orderBy.add(new SortKey(field, descending));
            }
            while (accept(TokenType.COMMA));
        }
        if (peek().type() != TokenType.END)
            throw error("Expecting end of query but got '" + peek().text() + "'");
        return new JqlQuery(where, orderBy);
    }

    private Clause or() {
        Clause clause = and();
        while (acceptKeyword("or"))
            clause = new Or(clause, and());
        return clause;
    }

    private Clause and() {
        Clause clause = unary();
        while (acceptKeyword("and"))
            clause = new And(clause, unary());
        return clause;
    }

    private Clause unary() {
        if (acceptKeyword("not"))
            return new Not(unary());
        if (accept(TokenType.LPAREN)) {
            Clause inner = or();
            expect(TokenType.RPAREN);
            return inner;
        }
        return term();
    }

    private Clause term() {
        Token field = expect(TokenType.WORD, TokenType.STRING);
        if (field.type() == TokenType.WORD && isReserved(field.text()))
            throw error("Expecting a field name but got '" + field.text() + "'");
        if (peek().type() == TokenType.OPERATOR) {
            Operator op = Operator.fromSymbol(next().text());
            return new Term(field.text(), op, List.of(value()));
        }
        if (acceptKeyword("in"))
            return new Term(field.text(), Operator.IN, valueList());
        if (acceptKeyword("not")) {
            expectKeyword("in");
            return new Term(field.text(), Operator.NOT_IN, valueList());
        }
        if (acceptKeyword("is")) {
            boolean not = acceptKeyword("not");
            if (!acceptKeyword("empty") && !acceptKeyword("null"))
                throw error("Expecting EMPTY after IS");
            return new Term(field.text(), not ? Operator.IS_NOT_EMPTY : Operator.IS_EMPTY, List.of());
        }
        throw error("Expecting operator after '" + field.text() + "' but got '" + peek().text() + "'");
    }

    private List<Value> valueList() {
        expect(TokenType.LPAREN);
        List<Value> values = new ArrayList<>();
        do
            values.add(value());
        while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        return values;
    }

    private Value value() {
        Token token = expect(TokenType.WORD, TokenType.STRING);
        if (token.type() == TokenType.WORD && isReserved(token.text()))
            throw error("Expecting a value but got '" + token.text() + "'");
        return new Value(token.text(), token.type() == TokenType.STRING);
    }

    private static boolean isReserved(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "and", "or", "not", "in", "is", "order", "by", "empty", "null" -> true;
            default -> false;
        };
    }

    // ---- token helpers
    // ---------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        return tokens.get(position++);
    }

    private boolean accept(TokenType type) {
        if (peek().type() != type)
            return false;
        position++;
        return true;
    }

    private boolean peekKeyword(String keyword) {
        return peek().type() == TokenType.WORD && peek().text().equalsIgnoreCase(keyword);
    }

    private boolean acceptKeyword(String keyword) {
        if (!peekKeyword(keyword))
            return false;
        position++;
        return true;
    }

    private void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword))
            throw error("Expecting '" + keyword.toUpperCase(Locale.ROOT) + "' but got '" + peek().text() + "'");
    }

    private Token expect(TokenType... types) {
        Token token = peek();
        for (TokenType type : types) {
            if (token.type() == type)
                return next();
        }
        throw error(token.type() == TokenType.END ? "Unexpected end of query" : "Unexpected '" + token.text() + "'");
    }

    private JqlException error(String detail) {
        return new JqlException("Error in the JQL Query: " + detail + ".");
    }

    enum TokenType {

        WORD, STRING, OPERATOR, LPAREN, RPAREN, COMMA, END

    }

    record Token(TokenType type, String text) {
    }

    /** Splits JQL into words, quoted strings, operators and punctuation. */
    static final class JqlTokenizer {

        private final String text;

        private int i;

        JqlTokenizer(String text) {
            this.text = text;
        }

        List<Token> tokens() {
            List<Token> tokens = new ArrayList<>();
            while (true) {
                while (i < text.length() && Character.isWhitespace(text.charAt(i)))
                    i++;
                if (i >= text.length()) {
                    tokens.add(new Token(TokenType.END, "<end>"));
                    return tokens;
                }
                char c = text.charAt(i);
                if (c == '(')
                    tokens.add(single(TokenType.LPAREN));
                else if (c == ')')
                    tokens.add(single(TokenType.RPAREN));
                else if (c == ',')
                    tokens.add(single(TokenType.COMMA));
                else if (c == '"' || c == '\'')
                    tokens.add(quoted(c));
                else if ("=!<>".indexOf(c) >= 0)
                    tokens.add(operator());
                else
                    tokens.add(word());
            }
        }

        private Token single(TokenType type) {
            return new Token(type, String.valueOf(text.charAt(i++)));
        }

        private Token quoted(char quote) {
            StringBuilder sb = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != quote) {
                char c = text.charAt(i++);
                if (c == '\\' && i < text.length())
                    c = text.charAt(i++);
                sb.append(c);
            }
            if (i >= text.length())
                throw new JqlException("Error in the JQL Query: The quoted string has not been completed.");
            i++;
            return new Token(TokenType.STRING, sb.toString());
        }

        private Token operator() {
            char c = text.charAt(i++);
            boolean withEquals = i < text.length() && text.charAt(i) == '=';
            if (c == '=')
                return new Token(TokenType.OPERATOR, "=");
            if (c == '!' && !withEquals)
                throw new JqlException("Error in the JQL Query: Expecting '=' after '!'.");
            if (withEquals)
                i++;
            return new Token(TokenType.OPERATOR, withEquals ? c + "=" : String.valueOf(c));
        }

        private Token word() {
            int start = i;
            int brackets = 0; // issue.property[a.b].c keeps its brackets inside one word
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '[')
                    brackets++;
                else if (c == ']')
                    brackets--;
                else if (brackets == 0 && (Character.isWhitespace(c) || "(),=!<>\"'".indexOf(c) >= 0))
                    break;
                i++;
            }
            return new Token(TokenType.WORD, text.substring(start, i));
        }

    }

}
