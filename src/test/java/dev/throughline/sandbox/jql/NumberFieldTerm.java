package dev.throughline.sandbox.jql;

import dev.throughline.sandbox.SandboxField;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.jql.JqlQuery.Term;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code cf[10028] IS [NOT] EMPTY}, {@code originalEstimate IS NOT EMPTY}: a number field
 * named by one of its clause names. The sandbox holds values for the site's story points
 * field and the original estimate only; every other number field is empty on every issue
 * (what an unused field looks like).
 */
final class NumberFieldTerm {

    private NumberFieldTerm() {
    }

    static Optional<Predicate<SandboxIssue>> of(SandboxSite site, Term term) {
        String name = term.field().toLowerCase(Locale.ROOT);
        Optional<SandboxField> field = site.fields()
            .stream()
            .filter(f -> "number".equals(f.schema().type()))
            .filter(f -> f.clauseNames().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(name)))
            .findFirst();
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (!term.operator().emptyCheck()) {
            throw JqlMatcher.unsupported(term);
        }
        boolean empty = term.operator() == JqlQuery.Operator.IS_EMPTY;
        String id = field.get().id();
        Predicate<SandboxIssue> hasValue;
        if (id.equals(site.storyPointsFieldId())) {
            hasValue = i -> i.storyPointEstimate().isPresent();
        }
        else if (id.equals("timeoriginalestimate")) {
            hasValue = i -> i.originalEstimateSeconds() > 0;
        }
        else {
            hasValue = i -> false;
        }
        return Optional.of(i -> hasValue.test(i) != empty);
    }

}
