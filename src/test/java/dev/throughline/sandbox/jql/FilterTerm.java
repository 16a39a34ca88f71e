package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.jql.JqlQuery.Operator;
import dev.throughline.sandbox.jql.JqlQuery.Term;
import dev.throughline.sandbox.jql.JqlQuery.Value;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code filter = 10012} and {@code filter in (10012, 10013)}: the issues a saved filter
 * (a board's, {@link SandboxSite#filterJql}) shows, as Jira answers them; an unknown
 * filter is Jira's "does not exist" error; {@code !=} and {@code NOT IN} are their
 * negation.
 */
final class FilterTerm {

    private FilterTerm() {
    }

    static Predicate<SandboxIssue> of(SandboxSite site, Term term) {
        Operator op = term.operator();
        if (op.ordering() || op.emptyCheck())
            throw JqlMatcher.unsupported(term);
        Predicate<SandboxIssue> any = i -> false;
        for (Value value : term.values()) {
            String jql = parse(value).flatMap(site::filterJql)
                .orElseThrow(() -> new JqlException(
                        "The value '" + value.text() + "' does not exist for the field '" + term.field() + "'."));
            any = any.or(JqlMatcher.filter(site, JqlParser.parse(jql)));
        }
        boolean negated = op == Operator.NOT_EQUALS || op == Operator.NOT_IN;
        return negated ? any.negate() : any;
    }

    private static Optional<Long> parse(Value value) {
        try {
            return Optional.of(Long.parseLong(value.text().trim()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

}
