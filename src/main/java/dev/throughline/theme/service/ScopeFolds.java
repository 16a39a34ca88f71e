package dev.throughline.theme.service;

import java.util.Optional;
import java.util.Set;

/**
 * The themes' work last folded from one content of the kept rows ({@link KeptScopeRows}),
 * for the projects it was folded over: handed on with the rows to newer revisions while
 * the rows stay equal (a change in a bucket holding none of them), so a view whose rows
 * did not change folds nothing; rows that changed get new folds, which remember the last
 * work before them ({@link #latest}) so scopes that stayed equal are shared.
 */
final class ScopeFolds {

    record Folded(Set<String> projects, ThemeWork work) {
    }

    /** The last fold of the rows before these (none for a site's first rows). */
    private final Folded before;

    private volatile Folded last;

    ScopeFolds(Folded before) {
        this.before = before;
    }

    /** The work folded from these rows over exactly {@code projects}. */
    Optional<ThemeWork> work(Set<String> projects) {
        Folded folded = last;
        return folded != null && folded.projects().equals(projects) ? Optional.of(folded.work()) : Optional.empty();
    }

    void keep(Set<String> projects, ThemeWork work) {
        last = new Folded(Set.copyOf(projects), work);
    }

    /** The last work folded from these rows, else from the rows before them. */
    Folded latest() {
        Folded folded = last;
        return folded != null ? folded : before;
    }

}
