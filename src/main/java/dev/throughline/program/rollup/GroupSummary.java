package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * One row of a group table. Percentages are rounded to one decimal and empty when there
 * is nothing to divide by (no items, no estimated items, no scored items), so "0 %"
 * always means "nothing done yet".
 *
 * @param unestimated items without an estimate on the chosen basis (0 on the issue-count
 * basis)
 * @param anomalies keys of done epics/parents in this group that still have open children
 * @param valueByModel value delivered per model; {@code valueDelivered} is their shares
 * weighted by each model's scored items, since scores of different models never add up
 * (one model: done value ÷ all value, as ever)
 */
public record GroupSummary(GroupKind kind, String id, long items, long todo, long inProgress, long done,
        BigDecimal pointsDone, BigDecimal pointsTotal, long estimateDoneSeconds, long estimateTotalSeconds,
        Optional<Double> percentComplete, BigDecimal valueDone, BigDecimal valueTotal, Optional<Double> valueDelivered,
        long withoutPoints, long withoutEstimate, long unestimated, long unscored, long overdue, List<String> anomalies,
        List<ModelShare> valueByModel) {

    /**
     * One model's value in a group: {@code model} empty for scores of an unknown model.
     */
    public record ModelShare(Optional<String> model, long items, BigDecimal done, BigDecimal total,
            Optional<Double> delivered) {
    }

    public GroupSummary {
        if (kind == null || id == null || percentComplete == null || valueDelivered == null || anomalies == null) {
            throw new IllegalArgumentException("group summary is incomplete");
        }
        if (items != todo + inProgress + done) {
            throw new IllegalArgumentException(id + ": items must equal todo + in progress + done");
        }
        anomalies = List.copyOf(anomalies);
        valueByModel = List.copyOf(valueByModel);
    }

    static GroupSummary of(GroupKind kind, String id, Tally tally, ProgressBasis basis, List<String> anomalies) {
        Optional<Double> percent;
        long unestimated;
        switch (basis) {
            case STORY_POINTS:
                percent = percent(tally.pointsDone, tally.pointsTotal);
                unestimated = tally.withoutPoints;
                break;
            case ORIGINAL_ESTIMATE:
                percent = percent(BigDecimal.valueOf(tally.estimateDoneSeconds),
                        BigDecimal.valueOf(tally.estimateTotalSeconds));
                unestimated = tally.withoutEstimate;
                break;
            default:
                percent = percent(BigDecimal.valueOf(tally.done), BigDecimal.valueOf(tally.items()));
                unestimated = 0;
                break;
        }
        return new GroupSummary(kind, id, tally.items(), tally.todo, tally.inProgress, tally.done, tally.pointsDone,
                tally.pointsTotal, tally.estimateDoneSeconds, tally.estimateTotalSeconds, percent, tally.valueDone,
                tally.valueTotal, valueDelivered(tally), tally.withoutPoints, tally.withoutEstimate, unestimated,
                tally.unscored, tally.overdue, anomalies, shares(tally));
    }

    private static List<ModelShare> shares(Tally tally) {
        return tally.valueByModel.entrySet()
            .stream()
            .map(e -> new ModelShare(Optional.of(e.getKey()).filter(m -> !m.isEmpty()), e.getValue().items,
                    e.getValue().done, e.getValue().total, percent(e.getValue().done, e.getValue().total)))
            .toList();
    }

    /**
     * Each model's share of its own value done, weighted by its scored items: a RICE 500
     * and a WSJF 3 never add up. One model (the usual case): done ÷ all.
     */
    private static Optional<Double> valueDelivered(Tally tally) {
        List<Tally.ModelValue> models = tally.valueByModel.values()
            .stream()
            .filter(v -> v.total.signum() != 0)
            .toList();
        if (models.size() <= 1) {
            return percent(tally.valueDone, tally.valueTotal);
        }
        long items = models.stream().mapToLong(v -> v.items).sum();
        BigDecimal weighted = BigDecimal.ZERO;
        for (Tally.ModelValue v : models) {
            weighted = weighted
                .add(v.done.multiply(BigDecimal.valueOf(v.items)).divide(v.total, 12, RoundingMode.HALF_UP));
        }
        return percent(weighted, BigDecimal.valueOf(items));
    }

    private static Optional<Double> percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).doubleValue());
    }
}
