package dev.throughline.planning;

import java.util.List;
import java.util.Objects;

/**
 * Why commitments cannot all hold, in words and in numbers: for a capacity shortfall the
 * team, the period and by how much; {@code commitments} names the commitments dropped
 * from this solve because of it (they are reported, never silently lost).
 */
public record CommitmentProblem(String message, String teamId, String period, double needed, double capacity,
        double shortfall, List<String> items, List<String> commitments) {

    public CommitmentProblem {
        Objects.requireNonNull(message, "message");
        items = List.copyOf(items);
        commitments = List.copyOf(commitments);
    }

}
