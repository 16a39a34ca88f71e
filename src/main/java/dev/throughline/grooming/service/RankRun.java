package dev.throughline.grooming.service;

import dev.throughline.grooming.JiraRankSimulator;
import dev.throughline.grooming.RankPlan;
import dev.throughline.grooming.RankStep;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.JiraRateLimitedException;
import dev.throughline.jira.JiraUnavailableException;
import dev.throughline.jira.RankOutcome;
import dev.throughline.jira.RankRequest;
import dev.throughline.jira.RankResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a plan's rank calls one after another and keeps track of where every issue now
 * stands: Jira's per-issue outcomes (207) are recorded and only the issues Jira ranked
 * are counted as moved. A rate limit or an outage (after the client's own retries) stops
 * the run; the answer then says which issues moved and which did not, and
 * {@link #reached()} is the order the backlog was left in.
 */
public final class RankRun {

    public record StepResult(int step, List<String> issueKeys, String position, String anchorKey, String outcome,
            List<RankOutcome> failures) {
    }

    private final List<StepResult> steps = new ArrayList<>();

    private final Set<String> moved = new LinkedHashSet<>();

    private final List<RankOutcome> failures = new ArrayList<>();

    private final RankPlan plan;

    private List<String> reached;

    private JiraException interruption;

    private RankRun(RankPlan plan, List<String> start) {
        this.plan = plan;
        this.reached = List.copyOf(start);
    }

    /**
     * Told after a step Jira did not answer as planned (it refused some issues), so the
     * journal can follow.
     */
    interface Deviation {

        void after(int stepsDone, List<String> reached);

    }

    static RankRun execute(RankPlan plan, List<String> start, Function<RankRequest, RankResult> rank) {
        return execute(plan, start, rank, (stepsDone, reached) -> {
        });
    }

    static RankRun execute(RankPlan plan, List<String> start, Function<RankRequest, RankResult> rank,
            Deviation deviation) {
        RankRun run = new RankRun(plan, start);
        int index = 0;
        for (RankStep step : plan.steps()) {
            index++;
            if (run.interruption != null) {
                run.steps.add(new StepResult(index, step.issueKeys(), step.position().name(), step.anchorKey(),
                        "NOT_SENT", List.of()));
                continue;
            }
            RankRequest request = new RankRequest(step.issueKeys(), step.position() == RankStep.Position.BEFORE
                    ? RankRequest.Position.BEFORE : RankRequest.Position.AFTER, step.anchorKey());
            try {
                RankResult result = rank.apply(request);
                List<RankOutcome> refused = result.failures();
                Set<String> refusedKeys = new LinkedHashSet<>();
                refused.forEach(o -> refusedKeys.add(o.issueKey()));
                List<String> ranked = step.issueKeys().stream().filter(k -> !refusedKeys.contains(k)).toList();
                run.moved.addAll(ranked);
                run.failures.addAll(refused);
                if (!ranked.isEmpty()) {
                    run.reached = JiraRankSimulator.applyTo(run.reached,
                            new RankStep(ranked, step.position(), step.anchorKey()));
                }
                run.steps.add(new StepResult(index, step.issueKeys(), step.position().name(), step.anchorKey(),
                        refused.isEmpty() ? "RANKED" : ranked.isEmpty() ? "REFUSED" : "PARTIAL", refused));
                if (!refused.isEmpty()) {
                    deviation.after(index, run.reached);
                }
            }
            catch (JiraRateLimitedException | JiraUnavailableException e) {
                run.interruption = e;
                run.steps.add(new StepResult(index, step.issueKeys(), step.position().name(), step.anchorKey(),
                        "FAILED", List.of()));
            }
        }
        return run;
    }

    List<StepResult> steps() {
        return steps;
    }

    /** Issues Jira ranked, in the order they were sent. */
    List<String> moved() {
        return List.copyOf(moved);
    }

    /** Issues the plan moves that Jira did not rank (refused or never sent). */
    List<String> notMoved() {
        return plan.movedKeys().stream().filter(k -> !moved.contains(k)).toList();
    }

    List<RankOutcome> failures() {
        return List.copyOf(failures);
    }

    List<String> reached() {
        return reached;
    }

    Optional<JiraException> interruption() {
        return Optional.ofNullable(interruption);
    }

    RankPlan plan() {
        return plan;
    }

}
