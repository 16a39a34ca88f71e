package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.IssueOptions;
import dev.throughline.sandbox.IssueOptions.Option;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.SandboxVersion;
import dev.throughline.sandbox.jql.JqlQuery.Operator;
import dev.throughline.sandbox.jql.JqlQuery.Term;
import dev.throughline.sandbox.jql.JqlQuery.Value;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code priority}, {@code resolution}, {@code labels}, {@code component} and
 * {@code fixVersion} with =, !=, IN, NOT IN, IS [NOT] EMPTY, as Jira matches them: a
 * comparison on an empty field is neither true nor false, so {@code labels != x},
 * {@code NOT labels = x} and {@code NOT labels in (x)} all leave out an issue without
 * labels ({@link #holds} and {@link #fails}: a clause's negation is its failure, not its
 * complement). Priorities and resolutions by name regardless of case or by id; components
 * and versions by name or id, labels by text, as written (Jira's case rule for these is
 * not confirmed).
 */
final class OptionTerm {

    /** One value an issue has: its id (labels have none) and name. */
    private record Held(String id, String name) {
    }

    private final Function<SandboxIssue, List<Held>> values;

    private final boolean ignoreCase;

    private final Term term;

    private OptionTerm(Function<SandboxIssue, List<Held>> values, boolean ignoreCase, Term term) {
        this.values = values;
        this.ignoreCase = ignoreCase;
        this.term = term;
        if (term.operator().ordering()) {
            throw JqlMatcher.unsupported(term);
        }
    }

    static Optional<OptionTerm> of(SandboxSite site, Term term) {
        return Optional.ofNullable(switch (term.field().toLowerCase(Locale.ROOT)) {
            case "priority" -> new OptionTerm(i -> List.of(held(IssueOptions.priority(i))), true, term);
            case "resolution" ->
                new OptionTerm(i -> IssueOptions.resolution(i).map(OptionTerm::held).stream().toList(), true, term);
            case "labels" ->
                new OptionTerm(i -> IssueOptions.labels(i).stream().map(l -> new Held(null, l)).toList(), false, term);
            case "component" ->
                new OptionTerm(i -> IssueOptions.components(i).stream().map(OptionTerm::held).toList(), false, term);
            case "fixversion" -> new OptionTerm(i -> site.version(i.fixVersionId())
                .map((SandboxVersion v) -> new Held(String.valueOf(v.id()), v.name()))
                .stream()
                .toList(), false, term);
            default -> null;
        });
    }

    private static Held held(Option option) {
        return new Held(option.id(), option.name());
    }

    /** The issues the clause matches. */
    Predicate<SandboxIssue> holds() {
        return issue -> verdict(values.apply(issue)) == Boolean.TRUE;
    }

    /** The issues its negation ({@code NOT}) matches. */
    Predicate<SandboxIssue> fails() {
        return issue -> verdict(values.apply(issue)) == Boolean.FALSE;
    }

    /** True, false, or null when unknown (a comparison on an empty field). */
    private Boolean verdict(List<Held> present) {
        Operator op = term.operator();
        if (op == Operator.IS_EMPTY || op == Operator.IS_NOT_EMPTY) {
            return present.isEmpty() == (op == Operator.IS_EMPTY);
        }
        if (present.isEmpty()) {
            return null;
        }
        boolean any = present.stream().anyMatch(h -> term.values().stream().anyMatch(v -> is(h, v)));
        return any != (op == Operator.NOT_EQUALS || op == Operator.NOT_IN);
    }

    private boolean is(Held held, Value value) {
        if (held.id() != null && held.id().equals(value.text())) {
            return true;
        }
        return ignoreCase ? held.name().equalsIgnoreCase(value.text()) : held.name().equals(value.text());
    }

}
