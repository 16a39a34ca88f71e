package dev.throughline.program;

import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.problems.StaleVersionException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A site's programs (as listed by the index) and the rules that span them: names unique
 * ignoring case, at most {@value #MAX_PROGRAMS}, saves version-checked. Pure: returns the
 * program to store; the caller writes it.
 */
public final class ProgramCatalog {

    /**
     * Keeps the index (about 200 bytes a program) well under Jira's 32 KB property limit.
     */
    public static final int MAX_PROGRAMS = 100;

    private final List<ProgramSummary> programs;

    public ProgramCatalog(List<ProgramSummary> programs) {
        this.programs = List.copyOf(programs);
    }

    /** By name, ignoring case. */
    public List<ProgramSummary> programs() {
        List<ProgramSummary> sorted = new ArrayList<>(programs);
        sorted.sort(Comparator.comparing((ProgramSummary p) -> p.name().toLowerCase(Locale.ROOT))
            .thenComparing(ProgramSummary::id));
        return sorted;
    }

    public Optional<ProgramSummary> find(String id) {
        return programs.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public ProgramSummary require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no program " + id + "."));
    }

    public ProgramDefinition create(ProgramDraft draft, Supplier<String> newId) {
        if (programs.size() >= MAX_PROGRAMS) {
            throw new InvalidInputException("name",
                    "A site can have at most " + MAX_PROGRAMS + " programs; delete some first");
        }
        requireUniqueName(draft.name(), null);
        return new ProgramDefinition(newId.get(), draft.name(), draft.projects(), draft.jql(), draft.progressBasis(),
                draft.includeSubtasks(), draft.scopeGrowth(), draft.throughputWeeks(), 1);
    }

    /**
     * The updated program; a stale version is refused with the current one
     * ({@code current} read in full).
     */
    public ProgramDefinition update(ProgramDefinition current, ProgramDraft draft) {
        long expected = draft.version().orElseThrow();
        if (current.version() != expected) {
            throw StaleVersionException.of("The program \"" + current.name() + "\"", expected, current.version(),
                    current);
        }
        requireUniqueName(draft.name(), current.id());
        return new ProgramDefinition(current.id(), draft.name(), draft.projects(), draft.jql(), draft.progressBasis(),
                draft.includeSubtasks(), draft.scopeGrowth(), draft.throughputWeeks(), current.version() + 1);
    }

    /** Every program but {@code id}. */
    public List<ProgramSummary> without(String id) {
        return programs.stream().filter(p -> !p.id().equals(id)).toList();
    }

    /** Every program, {@code saved} added or replacing its old entry. */
    public List<ProgramSummary> with(ProgramDefinition saved) {
        List<ProgramSummary> all = new ArrayList<>(without(saved.id()));
        all.add(ProgramSummary.of(saved));
        return all;
    }

    private void requireUniqueName(String name, String exceptId) {
        programs.stream()
            .filter(p -> !p.id().equals(exceptId) && p.name().equalsIgnoreCase(name.strip()))
            .findFirst()
            .ifPresent(p -> {
                throw new InvalidInputException("name", "Another program is already called \"" + p.name() + "\"");
            });
    }

}
