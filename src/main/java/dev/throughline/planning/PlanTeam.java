package dev.throughline.planning;

import java.util.List;
import java.util.Objects;

/**
 * A team (a Jira board or project) and how much effort it can finish in each period of
 * the horizon, in the plan's effort unit (items or story points).
 */
public record PlanTeam(String id, String name, List<Double> capacity) {

    public PlanTeam {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        capacity = List.copyOf(capacity);
        for (Double each : capacity) {
            if (each == null || !Double.isFinite(each) || each < 0) {
                throw new IllegalArgumentException("team " + id + ": capacity must be finite and ≥ 0");
            }
        }
    }

    /** Capacity of periods 0..period together: the cumulative effort model's limit. */
    public double capacityThrough(int period) {
        double sum = 0;
        for (int p = 0; p <= period; p++) {
            sum += capacity.get(p);
        }
        return sum;
    }

}
