package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The models a site can score with: the four built-ins and the site's own scorecards. */
public final class ModelCatalog {

    private final List<ScoringModel> models;

    public ModelCatalog(QuadrantThresholds thresholds, List<Scorecard> scorecards) {
        List<ScoringModel> all = new ArrayList<>(
                List.of(new RiceModel(), new WsjfModel(), new IceModel(), new ValueEffortModel(thresholds)));
        Objects.requireNonNull(scorecards, "scorecards").forEach(card -> all.add(new ScorecardModel(card)));
        this.models = List.copyOf(all);
    }

    public static ModelCatalog builtIn() {
        return new ModelCatalog(QuadrantThresholds.DEFAULT, List.of());
    }

    public List<ScoringModel> models() {
        return models;
    }

    public Optional<ScoringModel> find(String modelId) {
        return models.stream().filter(m -> m.id().equals(modelId)).findFirst();
    }

    /** The model or an error on the {@code model} field listing the known ones. */
    public ScoringModel require(String modelId) {
        return find(modelId).orElseThrow(() -> new InvalidInputException("model",
                "Unknown model " + (modelId == null ? "(none)" : '"' + modelId + '"') + "; use one of "
                        + String.join(", ", models.stream().map(ScoringModel::id).toList())));
    }

}
