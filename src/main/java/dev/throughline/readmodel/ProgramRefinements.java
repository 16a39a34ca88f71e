package dev.throughline.readmodel;

import dev.throughline.jira.Jql;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Per site and refined program, the ids of the program's issues its JQL refinement
 * matches: which of the read model's issues of the program's projects belong to it. A
 * cache derived from Jira like the read model; dropped, it is read again.
 */
public interface ProgramRefinements {

    /**
     * @param projects the program's projects and {@code refinement} its JQL condition, as
     * the ids were read (a program whose either changed is read again)
     * @param syncedAt when the last read of the ids started
     */
    record Refinement(String programId, List<String> projects, String refinement, Instant syncedAt) {

        public Refinement {
            Objects.requireNonNull(programId, "programId");
            projects = List.copyOf(projects);
            Objects.requireNonNull(refinement, "refinement");
            Objects.requireNonNull(syncedAt, "syncedAt");
        }

        /** The program's issues: its projects, refined. */
        public Jql programJql() {
            return Jql.projectIn(projects).and(Jql.refinement(refinement));
        }

        public boolean sameAs(List<String> otherProjects, String otherRefinement) {
            return projects.equals(otherProjects) && refinement.equals(otherRefinement);
        }

    }

    Optional<Refinement> refinement(String siteKey, String programId);

    List<Refinement> refinements(String siteKey);

    Set<Long> ids(String siteKey, String programId);

    /** The ids as read in full, as of the refinement's {@code syncedAt}. */
    void replace(String siteKey, Refinement refinement, Collection<Long> ids);

    /** The program was deleted, or lost its refinement: its ids go. */
    void forget(String siteKey, String programId);

    /** Changed issues that left and that match, as of {@code syncedAt}. */
    void update(String siteKey, String programId, Collection<Long> leave, Collection<Long> match, Instant syncedAt);

}
