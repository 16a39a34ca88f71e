package dev.throughline.program.rollup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Running totals of one group. Mutable and not thread-safe: each accumulator owns its
 * tallies, and tallies are added together, so any split of the issues sums to the same
 * numbers (exact decimals, no float drift). An item added can be taken out again
 * ({@link #remove}), leaving exactly the tally of the others, decimal scales included.
 */
final class Tally {

    private static final int POINTS_TOTAL = 0;

    private static final int POINTS_DONE = 1;

    private static final int VALUE_TOTAL = 2;

    private static final int VALUE_DONE = 3;

    long todo;

    long inProgress;

    long done;

    BigDecimal pointsTotal = BigDecimal.ZERO;

    BigDecimal pointsDone = BigDecimal.ZERO;

    long withoutPoints;

    long estimateTotalSeconds;

    long estimateDoneSeconds;

    long withoutEstimate;

    BigDecimal valueTotal = BigDecimal.ZERO;

    BigDecimal valueDone = BigDecimal.ZERO;

    /**
     * Value per model ("" when the model is unknown): scores of different models never
     * add up.
     */
    final Map<String, ModelValue> valueByModel = new TreeMap<>();

    long unscored;

    long overdue;

    final WeeklyCounts weeks = new WeeklyCounts();

    /** The decimal scales of the values in the four sums, to take one out exactly. */
    private final ScaleCounts scales = new ScaleCounts(4);

    void add(ItemFacts item) {
        change(item, 1);
    }

    /**
     * Takes out an item {@link #add(ItemFacts) added} before (the same facts): the tally
     * is then exactly what adding the other items gives, a model whose items are all gone
     * and a week left with no counts included. Facts never added give undefined totals.
     */
    void remove(ItemFacts item) {
        change(item, -1);
    }

    /**
     * Takes the item out of its group's tally; a group left without items is gone, as if
     * never made.
     */
    static <K> void takeOut(Map<K, Tally> groups, Tally tally, K key, ItemFacts item) {
        tally.remove(item);
        if (tally.items() == 0) {
            groups.remove(key);
        }
    }

    /** Adds the item ({@code sign} 1) or takes it out (-1). */
    private void change(ItemFacts item, int sign) {
        boolean isDone = item.status().isDone();
        switch (item.status()) {
            case TODO:
                todo += sign;
                break;
            case IN_PROGRESS:
                inProgress += sign;
                break;
            default:
                done += sign;
                break;
        }
        if (item.points().isPresent()) {
            BigDecimal points = item.points().get();
            pointsTotal = scales.change(POINTS_TOTAL, pointsTotal, points, sign);
            pointsDone = isDone ? scales.change(POINTS_DONE, pointsDone, points, sign) : pointsDone;
        }
        else {
            withoutPoints += sign;
        }
        if (item.estimateSeconds().isPresent()) {
            estimateTotalSeconds += sign * item.estimateSeconds().get();
            estimateDoneSeconds += isDone ? sign * item.estimateSeconds().get() : 0;
        }
        else {
            withoutEstimate += sign;
        }
        if (item.value().isPresent()) {
            BigDecimal value = item.value().get();
            valueTotal = scales.change(VALUE_TOTAL, valueTotal, value, sign);
            valueDone = isDone ? scales.change(VALUE_DONE, valueDone, value, sign) : valueDone;
            changeModel(item.valueModel().orElse(""), value, isDone, sign);
        }
        else {
            unscored += sign;
        }
        if (item.overdue()) {
            overdue += sign;
        }
        if (sign > 0) {
            weeks.add(item);
        }
        else {
            weeks.remove(item);
        }
    }

    private void changeModel(String model, BigDecimal value, boolean isDone, int sign) {
        ModelValue byModel = sign > 0 ? valueByModel.computeIfAbsent(model, m -> new ModelValue())
                : valueByModel.get(model);
        if (byModel == null) {
            throw new IllegalArgumentException("no value of model '" + model + "' was added");
        }
        byModel.change(value, isDone, sign);
        if (byModel.items == 0) {
            valueByModel.remove(model);
        }
    }

    void add(Tally other) {
        todo += other.todo;
        inProgress += other.inProgress;
        done += other.done;
        pointsTotal = pointsTotal.add(other.pointsTotal);
        pointsDone = pointsDone.add(other.pointsDone);
        scales.add(other.scales);
        withoutPoints += other.withoutPoints;
        estimateTotalSeconds += other.estimateTotalSeconds;
        estimateDoneSeconds += other.estimateDoneSeconds;
        withoutEstimate += other.withoutEstimate;
        valueTotal = valueTotal.add(other.valueTotal);
        valueDone = valueDone.add(other.valueDone);
        other.valueByModel
            .forEach((model, value) -> valueByModel.computeIfAbsent(model, m -> new ModelValue()).add(value));
        unscored += other.unscored;
        overdue += other.overdue;
        weeks.add(other.weeks);
    }

    Tally copy() {
        Tally copy = new Tally();
        copy.add(this);
        return copy;
    }

    /**
     * Whether the other holds exactly these totals, decimal scales and the counts behind
     * them included (what {@link #remove} must leave; for tests).
     */
    boolean sameAs(Tally other) {
        return todo == other.todo && inProgress == other.inProgress && done == other.done
                && pointsTotal.equals(other.pointsTotal) && pointsDone.equals(other.pointsDone)
                && withoutPoints == other.withoutPoints && estimateTotalSeconds == other.estimateTotalSeconds
                && estimateDoneSeconds == other.estimateDoneSeconds && withoutEstimate == other.withoutEstimate
                && valueTotal.equals(other.valueTotal) && valueDone.equals(other.valueDone)
                && unscored == other.unscored && overdue == other.overdue && scales.sameAs(other.scales)
                && weeks.sameAs(other.weeks) && valueByModel.keySet().equals(other.valueByModel.keySet())
                && valueByModel.entrySet()
                    .stream()
                    .allMatch(e -> e.getValue().sameAs(Objects.requireNonNull(other.valueByModel.get(e.getKey()))));
    }

    long items() {
        return todo + inProgress + done;
    }

    long open() {
        return todo + inProgress;
    }

    /** One model's scored items in a group: their count and the value done and in all. */
    static final class ModelValue {

        BigDecimal done = BigDecimal.ZERO;

        BigDecimal total = BigDecimal.ZERO;

        long items;

        private final ScaleCounts scales = new ScaleCounts(2);

        void change(BigDecimal score, boolean isDone, int sign) {
            total = scales.change(0, total, score, sign);
            done = isDone ? scales.change(1, done, score, sign) : done;
            items += sign;
        }

        void add(ModelValue other) {
            total = total.add(other.total);
            done = done.add(other.done);
            items += other.items;
            scales.add(other.scales);
        }

        boolean sameAs(ModelValue other) {
            return total.equals(other.total) && done.equals(other.done) && items == other.items
                    && scales.sameAs(other.scales);
        }

    }

}
