package dev.throughline.planning;

import dev.throughline.program.ProgressBasis;
import dev.throughline.readmodel.IssueFacts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The candidates of a program without open epics: its open standard issues (not
 * sub-tasks, not epics) of the teams the program's inputs have, under the same one-model
 * rule as epics (an issue carries one score of one model). Effort is the issue's own
 * estimate on the progress basis: one item on the items basis, else its story points or
 * original estimate hours, and an issue without one is listed apart ("no estimate") since
 * its effort is unknown.
 */
public final class IssueCandidates {

    static final String NO_ESTIMATE = "no estimate";

    /**
     * How a blocker in a project that is none of the plan's teams is named: the viewer
     * may not be allowed to browse it, so its key is never answered.
     */
    static final String ELSEWHERE = "an issue in another project";

    private IssueCandidates() {
    }

    /**
     * {@code teamInputs}' teams, periods and throughput with the issues as candidates,
     * comparing {@code asked} (else the model scoring the most open issues).
     */
    public static ProgramInputs of(ProgramInputs teamInputs, List<IssueFacts> issues, ProgressBasis basis,
            Optional<String> asked, Map<String, Double> factors) {
        List<IssueFacts> open = issues.stream()
            .filter(i -> i.level() == IssueFacts.Level.STANDARD && !"done".equals(i.statusCategory()))
            .filter(i -> teamInputs.throughput().containsKey(i.projectKey()))
            .toList();
        Optional<String> model = asked.filter(m -> !m.isBlank()).or(() -> mostScored(open));
        String compares = model.map(m -> "; this plan compares " + m).orElse("");
        Map<String, IssueFacts> scored = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        List<ProgramInputs.Unscored> unscored = new ArrayList<>();
        List<ProgramInputs.Apart> apart = new ArrayList<>();
        List<ProgramInputs.Converted> converted = new ArrayList<>();
        for (IssueFacts issue : open) {
            Optional<Double> effort = effort(issue, basis);
            double shown = effort.orElse(0.0);
            BigDecimal score = issue.valueScore().orElse(BigDecimal.ZERO);
            String name = issue.valueModel().orElse("an unknown model");
            String reason = null;
            if (score.signum() <= 0) {
                reason = "not scored";
                unscored.add(new ProgramInputs.Unscored(issue.key(), issue.summary(), issue.projectKey(), shown));
            }
            else if (issue.valueModel().equals(model)) {
                values.put(issue.key(), score.doubleValue());
            }
            else if (issue.valueModel().isPresent() && factors.containsKey(name)) {
                double factor = factors.get(name);
                double worth = score.multiply(BigDecimal.valueOf(factor)).doubleValue();
                values.put(issue.key(), worth);
                converted.add(new ProgramInputs.Converted(issue.key(), name, factor, score.doubleValue(), worth));
            }
            else {
                reason = "scored with " + name + compares;
            }
            if (reason == null && effort.isEmpty()) {
                reason = NO_ESTIMATE;
                values.remove(issue.key());
                converted.removeIf(c -> c.key().equals(issue.key()));
            }
            if (reason != null) {
                apart.add(new ProgramInputs.Apart(issue.key(), issue.summary(), issue.projectKey(), shown, reason));
            }
            else {
                scored.put(issue.key(), issue);
            }
        }
        Set<String> done = issues.stream()
            .filter(i -> "done".equals(i.statusCategory()))
            .map(IssueFacts::key)
            .collect(Collectors.toSet());
        Set<String> teams = teamInputs.throughput().keySet();
        List<Candidate> candidates = new ArrayList<>();
        for (IssueFacts issue : scored.values()) {
            List<String> inside = new ArrayList<>();
            List<String> outside = new ArrayList<>();
            for (IssueFacts.IssueRef blocker : issue.blockedBy()) {
                if (done.contains(blocker.key()) || blocker.key().equals(issue.key())) {
                    continue;
                }
                if (scored.containsKey(blocker.key())) {
                    inside.add(blocker.key());
                }
                else if (!outside.contains(named(blocker.key(), teams))) {
                    outside.add(named(blocker.key(), teams));
                }
            }
            candidates.add(new Candidate(issue.key(), issue.summary(), issue.projectKey(), values.get(issue.key()),
                    effort(issue, basis).orElseThrow(), inside, outside, OptionalInt.empty(), false));
        }
        return new ProgramInputs(teamInputs.unit(), teamInputs.periods(), teamInputs.teams(), candidates,
                teamInputs.throughput(), unscored, model, apart, converted, ProgramInputs.ISSUES, "");
    }

    /** The issue's effort on the progress basis, empty when it has no estimate. */
    static Optional<Double> effort(IssueFacts issue, ProgressBasis basis) {
        return switch (basis) {
            case STORY_POINTS -> issue.storyPoints();
            case ORIGINAL_ESTIMATE -> issue.originalEstimateSeconds().map(s -> s / 3600.0);
            default -> Optional.of(1.0);
        };
    }

    private static Optional<String> mostScored(List<IssueFacts> open) {
        Map<String, Long> issues = new TreeMap<>();
        for (IssueFacts issue : open) {
            if (issue.valueModel().isPresent() && issue.valueScore().filter(s -> s.signum() > 0).isPresent()) {
                issues.merge(issue.valueModel().get(), 1L, Long::sum);
            }
        }
        return issues.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).map(Map.Entry::getKey);
    }

    /** A blocker's key when its project is one of the plan's teams (the viewer's own). */
    private static String named(String key, Set<String> teams) {
        int dash = key.lastIndexOf('-');
        return dash > 0 && teams.contains(key.substring(0, dash)) ? key : ELSEWHERE;
    }

}
