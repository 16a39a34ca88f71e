package dev.throughline.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * One change a scenario makes to the baseline's inputs. {@link #apply} gives the changed
 * problem; the baseline is never modified.
 */
public sealed interface ScenarioChange {

    PlanProblem apply(PlanProblem problem);

    /** A team's capacity in one period (holidays, hiring, a team lent elsewhere). */
    record Capacity(String teamId, int period, double capacity) implements ScenarioChange {

        public Capacity {
            Objects.requireNonNull(teamId, "teamId");
        }

        @Override
        public PlanProblem apply(PlanProblem problem) {
            PlanTeam team = problem.team(teamId);
            if (period < 0 || period >= problem.periods().size()) {
                throw new IllegalArgumentException("period outside the horizon");
            }
            List<Double> changed = new ArrayList<>(team.capacity());
            changed.set(period, capacity);
            return problem.withTeams(problem.teams()
                .stream()
                .map(t -> t.id().equals(teamId) ? new PlanTeam(t.id(), t.name(), changed) : t)
                .toList());
        }

    }

    /** Pulls in a candidate the baseline does not have. */
    record Add(Candidate candidate) implements ScenarioChange {

        public Add {
            Objects.requireNonNull(candidate, "candidate");
        }

        @Override
        public PlanProblem apply(PlanProblem problem) {
            List<Candidate> changed = new ArrayList<>(problem.candidates());
            changed.add(candidate);
            return problem.withCandidates(changed);
        }

    }

    /**
     * Leaves a candidate out of this scenario (as an exclusion: blocked work says why).
     */
    record Drop(String key) implements ScenarioChange {

        public Drop {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public PlanProblem apply(PlanProblem problem) {
            return mapCandidate(problem, key, c -> c.withExcluded(true));
        }

    }

    /** Moves (or removes, with an empty period) a candidate's commitment. */
    record Commit(String key, OptionalInt period) implements ScenarioChange {

        public Commit {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(period, "period");
        }

        @Override
        public PlanProblem apply(PlanProblem problem) {
            return mapCandidate(problem, key, c -> c.withCommitBy(period));
        }

    }

    /** Another discount per period. */
    record Discount(double discount) implements ScenarioChange {

        @Override
        public PlanProblem apply(PlanProblem problem) {
            return problem.withDiscount(discount);
        }

    }

    private static PlanProblem mapCandidate(PlanProblem problem, String key, UnaryOperator<Candidate> change) {
        if (!problem.byKey().containsKey(key)) {
            throw new IllegalArgumentException("no candidate " + key);
        }
        return problem
            .withCandidates(problem.candidates().stream().map(c -> c.key().equals(key) ? change.apply(c) : c).toList());
    }

}
