package dev.throughline.planning;

import java.util.Objects;

/** A stored plan as the index lists it. */
public record PlanSummary(String id, String programId, String name, long version) {

    public PlanSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(name, "name");
    }

}
