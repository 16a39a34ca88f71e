package dev.throughline.planning;

import dev.throughline.program.rollup.GroupSummary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one-model rule of plan inputs: scores of different models never compare (RICE 200
 * is not "more" than ICE 8), so a plan optimises one model's scores. Its model is the
 * stored plan's {@code model}, else the model that scored the most of the open epics'
 * open items (ties: the first by name). An epic whose open value is all of that model is
 * a candidate; one with open value of another model is listed apart ("scored with ICE;
 * this plan compares RICE") unless the plan converts that model: then its value is the
 * sum of each model's open value times the model's factor (the plan's own: 1), and the
 * conversion is shown with it.
 *
 * @param model the plan's model, empty when no open epic is scored
 * @param factors model → the factor that turns its scores into the plan model's
 */
public record OneModel(Optional<String> model, Map<String, Double> factors) {

    public OneModel {
        model = model.filter(m -> !m.isBlank());
        factors = Map.copyOf(factors);
    }

    /** The model scoring most open items of these epics, or {@code asked} when given. */
    public static OneModel of(List<GroupSummary> openEpics, Optional<String> asked, Map<String, Double> factors) {
        if (asked.isPresent() && !asked.get().isBlank()) {
            return new OneModel(asked, factors);
        }
        Map<String, Long> items = new TreeMap<>();
        for (GroupSummary epic : openEpics) {
            for (GroupSummary.ModelShare share : epic.valueByModel()) {
                if (share.model().isPresent() && open(share).signum() > 0) {
                    items.merge(share.model().get(), share.items(), Long::sum);
                }
            }
        }
        Optional<String> most = items.entrySet()
            .stream()
            .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
            .map(Map.Entry::getKey);
        return new OneModel(most, factors);
    }

    /**
     * An epic as this rule sees it: its value on the plan's model, or why it is apart
     * (null value), with the conversions applied.
     */
    public record Verdict(Double value, String reason, List<ProgramInputs.Converted> converted) {
    }

    public Verdict judge(GroupSummary epic) {
        if (epic.valueTotal().signum() <= 0) {
            return new Verdict(null, "not scored", List.of());
        }
        String compares = model.map(m -> "; this plan compares " + m).orElse("");
        BigDecimal value = BigDecimal.ZERO;
        List<ProgramInputs.Converted> converted = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (GroupSummary.ModelShare share : epic.valueByModel()) {
            BigDecimal open = open(share);
            String name = share.model().orElse("an unknown model");
            boolean compared = share.model().equals(model) || factors.containsKey(name);
            if (open.signum() <= 0) {
                // all of this model's scored work is done: it says which model the epic
                // was scored with when nothing else does
                done.add(compared ? "" : name);
                continue;
            }
            if (share.model().equals(model)) {
                value = value.add(open);
            }
            else if (share.model().isPresent() && factors.containsKey(name)) {
                double factor = factors.get(name);
                BigDecimal worth = open.multiply(BigDecimal.valueOf(factor));
                value = value.add(worth);
                converted
                    .add(new ProgramInputs.Converted(epic.id(), name, factor, open.doubleValue(), worth.doubleValue()));
            }
            else {
                foreign.add(name);
            }
        }
        if (foreign.isEmpty() && value.signum() == 0 && !done.contains("")) {
            foreign.addAll(done);
        }
        if (!foreign.isEmpty()) {
            return new Verdict(null, "scored with " + String.join(" and ", foreign) + compares, List.of());
        }
        return new Verdict(value.doubleValue(), null, converted);
    }

    private static BigDecimal open(GroupSummary.ModelShare share) {
        return share.total().subtract(share.done());
    }

}
