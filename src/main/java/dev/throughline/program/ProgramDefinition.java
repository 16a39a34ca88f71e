package dev.throughline.program;

import dev.throughline.jira.Jql;
import dev.throughline.problems.InvalidInputException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A program as stored: a named set of Jira projects rolled up together, with an optional
 * JQL refinement ANDed to each project's search. {@code scopeGrowth} makes forecasts add
 * new work at the pace it was created in the throughput weeks. {@code version} counts
 * saves and guards against lost updates.
 */
public record ProgramDefinition(String id, String name, List<String> projects, Optional<String> jql,
        ProgressBasis progressBasis, boolean includeSubtasks, boolean scopeGrowth, int throughputWeeks, long version) {

    public static final int MAX_NAME = 80;

    public static final int MAX_PROJECTS = 500;

    public static final int MAX_PROJECT_KEY = 20;

    public static final int MAX_JQL = 2_000;

    public static final int MAX_THROUGHPUT_WEEKS = 52;

    public static final int DEFAULT_THROUGHPUT_WEEKS = 12;
    static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0," + (MAX_PROJECT_KEY - 1) + "}");

    public ProgramDefinition {
        Objects.requireNonNull(jql, "jql");
        Objects.requireNonNull(progressBasis, "progressBasis");
        if (id == null || !id.matches("[a-z0-9]{1,32}")) {
            throw new IllegalArgumentException("program id must be 1-32 lower-case letters or digits: " + id);
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("program name must be 1-80 characters");
        }
        projects = List.copyOf(projects);
        if (projects.isEmpty() || projects.size() > MAX_PROJECTS
                || projects.stream().distinct().count() != projects.size()) {
            throw new IllegalArgumentException("a program has 1 to 500 distinct projects");
        }
        projects.forEach(key -> {
            if (!PROJECT_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("not a project key: " + key);
            }
        });
        jql.ifPresent(text -> {
            if (text.isBlank() || text.length() > MAX_JQL || ProgramDraft.hasOrderBy(text)) {
                throw new IllegalArgumentException("refinement JQL must be 1-2,000 characters without ORDER BY");
            }
        });
        if (throughputWeeks < 1 || throughputWeeks > MAX_THROUGHPUT_WEEKS) {
            throw new IllegalArgumentException("throughputWeeks must be 1..52");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** The same program over its whole projects (what the read model holds of them). */
    public ProgramDefinition unrefined() {
        return new ProgramDefinition(id, name, projects, Optional.empty(), progressBasis, includeSubtasks, scopeGrowth,
                throughputWeeks, version);
    }

    /** All the program's work in one JQL (for Jira's approximate count). */
    public Jql programJql() {
        Jql base = Jql.projectIn(projects);
        return refinement().map(base::and).orElse(base);
    }

    /** The JQL of one partition: the project, refined by the program's JQL. */
    public Jql partitionJql(String projectKey) {
        Jql base = Jql.projectIs(projectKey);
        return refinement().map(base::and).orElse(base);
    }

    /**
     * The refinement as JQL that can only narrow. A program saved before refinements were
     * checked may hold one that could reach outside its projects: it is refused (400 on
     * {@code jql}) until someone edits the program.
     */
    public Optional<Jql> refinement() {
        if (jql.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = Jql.refinementProblem(jql.get());
        if (problem.isPresent()) {
            throw new InvalidInputException("jql",
                    "This program's JQL refinement is refused (" + problem.get() + "); edit the program to fix it");
        }
        return Optional.of(Jql.refinement(jql.get()));
    }
}
