package dev.throughline.program.rollup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running totals of one group. Mutable and not thread-safe: each accumulator owns its
 * tallies, and tallies are only added together, so any split of the issues sums to the
 * same numbers (exact decimals, no float drift).
 */
final class Tally {

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

    void add(ItemFacts item) {
        boolean isDone = item.status().isDone();
        switch (item.status()) {
            case TODO:
                todo++;
                break;
            case IN_PROGRESS:
                inProgress++;
                break;
            default:
                done++;
                break;
        }
        if (item.points().isPresent()) {
            pointsTotal = pointsTotal.add(item.points().get());
            if (isDone) {
                pointsDone = pointsDone.add(item.points().get());
            }
        }
        else {
            withoutPoints++;
        }
        if (item.estimateSeconds().isPresent()) {
            estimateTotalSeconds += item.estimateSeconds().get();
            if (isDone) {
                estimateDoneSeconds += item.estimateSeconds().get();
            }
        }
        else {
            withoutEstimate++;
        }
        if (item.value().isPresent()) {
            valueTotal = valueTotal.add(item.value().get());
            if (isDone) {
                valueDone = valueDone.add(item.value().get());
            }
            valueByModel.computeIfAbsent(item.valueModel().orElse(""), m -> new ModelValue())
                .add(item.value().get(), isDone);
        }
        else {
            unscored++;
        }
        if (item.overdue()) {
            overdue++;
        }
        weeks.add(item);
    }

    void add(Tally other) {
        todo += other.todo;
        inProgress += other.inProgress;
        done += other.done;
        pointsTotal = pointsTotal.add(other.pointsTotal);
        pointsDone = pointsDone.add(other.pointsDone);
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

        void add(BigDecimal score, boolean isDone) {
            total = total.add(score);
            done = isDone ? done.add(score) : done;
            items++;
        }

        void add(ModelValue other) {
            total = total.add(other.total);
            done = done.add(other.done);
            items += other.items;
        }

    }

}
