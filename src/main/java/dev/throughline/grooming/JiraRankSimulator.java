package dev.throughline.grooming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies rank calls to an order the way Jira does: the issues are taken out and
 * reinserted, in the given order, immediately before or after the anchor. Used to preview
 * plans and to check them in tests.
 */
public final class JiraRankSimulator {

    private JiraRankSimulator() {
    }

    public static List<String> applyTo(List<String> order, RankStep step) {
        Set<String> moving = new HashSet<>(step.issueKeys());
        if (!order.contains(step.anchorKey())) {
            throw new IllegalArgumentException("anchor " + step.anchorKey() + " is not in the order");
        }
        List<String> result = new ArrayList<>(order.size());
        for (String key : order) {
            if (!moving.remove(key)) {
                result.add(key);
            }
        }
        if (!moving.isEmpty()) {
            throw new IllegalArgumentException("issues not in the order: " + moving);
        }
        int anchorAt = result.indexOf(step.anchorKey());
        int insertAt = step.position() == RankStep.Position.BEFORE ? anchorAt : anchorAt + 1;
        result.addAll(insertAt, step.issueKeys());
        return result;
    }

    public static List<String> applyAll(List<String> order, List<RankStep> steps) {
        List<String> result = order;
        for (RankStep step : steps) {
            result = applyTo(result, step);
        }
        return List.copyOf(result);
    }

}
