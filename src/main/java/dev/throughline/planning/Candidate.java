package dev.throughline.planning;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One piece of work the plan may schedule: an epic (or an issue in a program without
 * epics) with its value on the plan's model, its remaining effort, the team doing it, the
 * candidates that block it (Jira {@code blocks} links still open), an optional commitment
 * (finish by the end of that period, 0-based) and whether the program manager left it
 * out. {@code outsideBlockers} are open blockers that are not candidates of this plan:
 * the item cannot be planned until they are.
 */
public record Candidate(String key, String summary, String teamId, double value, double effort, List<String> blockers,
        List<String> outsideBlockers, OptionalInt commitBy, boolean excluded) {

    public Candidate {
        Objects.requireNonNull(key, "key");
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(teamId, "teamId");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(key + ": value must be finite and ≥ 0");
        }
        if (!Double.isFinite(effort) || effort < 0) {
            throw new IllegalArgumentException(key + ": effort must be finite and ≥ 0");
        }
        blockers = List.copyOf(blockers);
        outsideBlockers = List.copyOf(outsideBlockers);
        Objects.requireNonNull(commitBy, "commitBy");
        if (blockers.contains(key)) {
            throw new IllegalArgumentException(key + " cannot block itself");
        }
    }

    /** A plain candidate: no blockers, no commitment, not excluded. */
    public static Candidate of(String key, String teamId, double value, double effort) {
        return new Candidate(key, key, teamId, value, effort, List.of(), List.of(), OptionalInt.empty(), false);
    }

    public Candidate withBlockers(List<String> keys) {
        return new Candidate(key, summary, teamId, value, effort, keys, outsideBlockers, commitBy, excluded);
    }

    public Candidate withCommitBy(OptionalInt period) {
        return new Candidate(key, summary, teamId, value, effort, blockers, outsideBlockers, period, excluded);
    }

    public Candidate withExcluded(boolean exclude) {
        return new Candidate(key, summary, teamId, value, effort, blockers, outsideBlockers, commitBy, exclude);
    }

    public Candidate withEffort(double newEffort) {
        return new Candidate(key, summary, teamId, value, newEffort, blockers, outsideBlockers, commitBy, excluded);
    }

}
