package dev.throughline.planning.web;

import dev.throughline.planning.PlanOdds;
import dev.throughline.planning.PlanProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.throughline.planning.SprintHorizon;
import dev.throughline.planning.StoredPlan;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored plan as the API reads and answers it (docs/planning-api.md, Stored plans).
 * {@code id}, {@code programId} are answered, ignored in a body; {@code version} is
 * required on an update.
 */
public record StoredPlanBody(String id, String programId, String name, Integer quarters, Double discount,
        Double confidenceThreshold, Map<String, Map<String, Double>> capacity, Map<String, String> commitments,
        List<String> exclusions, List<StoredPlan.Scenario> scenarios, Long version, String model,
        List<StoredPlan.Conversion> conversions, List<Long> boards, @JsonInclude(Include.NON_NULL) Sprints sprints) {

    /**
     * A sprint horizon: the next {@code count} (1–26) active and future sprints of board
     * {@code board}; absent for a plan over quarters.
     */
    public record Sprints(Long board, Integer count) {

        SprintHorizon toHorizon() {
            try {
                return new SprintHorizon(board == null ? 0 : board, count == null ? 0 : count);
            }
            catch (IllegalArgumentException e) {
                throw new InvalidInputException("sprints", e.getMessage());
            }
        }

    }

    static StoredPlanBody of(StoredPlan plan) {
        SprintHorizon horizon = plan.sprints();
        return new StoredPlanBody(plan.id(), plan.programId(), plan.name(), plan.quarters(), plan.discount(),
                plan.threshold(), plan.capacity(), plan.commitments(), plan.exclusions(), plan.scenarios(),
                plan.version(), plan.model(), plan.conversions(), plan.boards(),
                horizon == null ? null : new Sprints(horizon.board(), horizon.count()));
    }

    /** The domain plan this body describes (id, program and version set by the store). */
    StoredPlan toPlan() {
        SprintHorizon horizon = sprints == null ? null : sprints.toHorizon();
        try {
            List<StoredPlan.Scenario> list = new ArrayList<>(scenarios == null ? List.of() : scenarios);
            return new StoredPlan("new", "new", name, quarters == null ? 4 : quarters,
                    discount == null ? PlanProblem.DEFAULT_DISCOUNT : discount,
                    confidenceThreshold == null ? PlanOdds.DEFAULT_THRESHOLD : confidenceThreshold,
                    capacity == null ? Map.of() : capacity, commitments == null ? Map.of() : commitments,
                    exclusions == null ? List.of() : exclusions, list, 0, model,
                    conversions == null ? List.of() : conversions, boards == null ? List.of() : boards, horizon);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("plan", e.getMessage() == null ? "is incomplete" : e.getMessage());
        }
    }

    long requireVersion() {
        if (version == null) {
            throw new InvalidInputException("version", "is required");
        }
        return version;
    }

}
