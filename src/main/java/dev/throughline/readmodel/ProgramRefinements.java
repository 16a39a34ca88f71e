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

    /**
     * The ids as read in full, as of the refinement's {@code syncedAt}; the event marks
     * stay.
     */
    void replace(String siteKey, Refinement refinement, Collection<Long> ids);

    /** The program was deleted, or lost its refinement: its ids go. */
    void forget(String siteKey, String programId);

    /**
     * What issue events did to a program's ids since they were read: when one last
     * changed them (joined or left by its fields), and when one last could not be judged
     * from its fields (so the next view searches, as the ids may be wrong).
     */
    record EventMarks(Optional<Instant> decided, Optional<Instant> undecided) {

        public static final EventMarks NONE = new EventMarks(Optional.empty(), Optional.empty());

        public EventMarks {
            Objects.requireNonNull(decided, "decided");
            Objects.requireNonNull(undecided, "undecided");
        }

    }

    /** {@link EventMarks#NONE} for a program not held. */
    EventMarks marks(String siteKey, String programId);

    /**
     * An issue event decided from its fields whether the issue belongs: its id joins
     * ({@code member}) or leaves; the refinement's sync time stays.
     */
    void decided(String siteKey, String programId, long issueId, boolean member, Instant at);

    /** An issue event of the program's projects could not be judged from its fields. */
    void undecided(String siteKey, String programId, Instant at);

    /**
     * Changed issues that left and that match, as of {@code syncedAt}; the event marks
     * stay (one after {@code syncedAt} still counts).
     */
    void update(String siteKey, String programId, Collection<Long> leave, Collection<Long> match, Instant syncedAt);

}
