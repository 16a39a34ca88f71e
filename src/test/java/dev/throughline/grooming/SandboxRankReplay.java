package dev.throughline.grooming;

import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays rank calls on the sandbox site's own rank order (what it does for
 * {@code PUT /rest/agile/1.0/issue/rank}), so a plan is checked by an implementation
 * written apart from production's {@link JiraRankSimulator}.
 */
final class SandboxRankReplay {

    private SandboxRankReplay() {
    }

    /**
     * The order {@code current} has after Jira ranks it call by call with {@code steps}.
     */
    static List<String> replay(List<String> current, List<RankStep> steps) {
        SandboxSite site = SandboxGenerator.generate(current.size(), 1, Math.max(1, current.size()));
        // the i-th issue of the site's rank order plays the i-th key of current; other
        // issues may sit between them
        List<SandboxIssue> ranked = site.issues()
            .stream()
            .sorted(Comparator.comparingInt(issue -> site.rankPosition(issue.id())))
            .toList();
        Map<String, Long> idOf = new HashMap<>();
        Map<Long, String> keyOf = new LinkedHashMap<>();
        for (int i = 0; i < current.size(); i++) {
            idOf.put(current.get(i), ranked.get(i).id());
            keyOf.put(ranked.get(i).id(), current.get(i));
        }
        for (RankStep step : steps) {
            site.rank(step.issueKeys().stream().map(idOf::get).toList(), idOf.get(step.anchorKey()),
                    step.position() == RankStep.Position.BEFORE);
        }
        return keyOf.keySet().stream().sorted(Comparator.comparingInt(site::rankPosition)).map(keyOf::get).toList();
    }

}
