package dev.throughline.jira;

import java.util.List;

/**
 * The outcome of a rank call, per issue: Jira may rank some issues and refuse others
 * (HTTP 207).
 */
public record RankResult(List<RankOutcome> outcomes) {

    public RankResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean allRanked() {
        return outcomes.stream().allMatch(RankOutcome::ranked);
    }

    public List<RankOutcome> failures() {
        return outcomes.stream().filter(o -> !o.ranked()).toList();
    }
}
