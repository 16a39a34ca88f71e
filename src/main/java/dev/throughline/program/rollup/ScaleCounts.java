package dev.throughline.program.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many of the values added to each of a few exact sums (slots) had each positive
 * scale. A sum's scale is the largest scale of its values (at least 0), and the JSON
 * answers print it ({@code 2.0} is not {@code 2}); a subtraction alone keeps the larger
 * scale, so taking a value out of a sum needs these counts to give the scale a fresh sum
 * of the values left has. Kept small, since a {@link Tally} exists once per group and
 * rollup: no array until a value with decimals is added, then one int per slot and scale
 * up to the largest seen; scales above {@value #ARRAY_SCALES} (a score typed with many
 * decimals) go to a map. Counts are ints: a group never holds two billion items.
 */
final class ScaleCounts {

    private static final int ARRAY_SCALES = 16;

    private static final int[] NONE = new int[0];

    private final int slots;

    /** {@code counts[(scale - 1) * slots + slot]}: grows by whole scales, never moves. */
    private int[] counts = NONE;

    /**
     * Counts per slot of scales above {@link #ARRAY_SCALES}, by scale; null until one.
     */
    private TreeMap<Integer, int[]> rare;

    ScaleCounts(int slots) {
        this.slots = slots;
    }

    /** {@link #plus} ({@code sign} 1) or {@link #minus} (-1). */
    BigDecimal change(int slot, BigDecimal sum, BigDecimal value, int sign) {
        return sign > 0 ? plus(slot, sum, value) : minus(slot, sum, value);
    }

    /** {@code sum + value}, counting the value's scale in {@code slot}. */
    BigDecimal plus(int slot, BigDecimal sum, BigDecimal value) {
        count(slot, value.scale(), 1);
        return sum.add(value);
    }

    /**
     * {@code sum - value} at the scale a fresh sum of the values left has; {@code value}
     * must have been added to this slot.
     */
    BigDecimal minus(int slot, BigDecimal sum, BigDecimal value) {
        if (value.scale() > 0 && countOf(slot, value.scale()) == 0) {
            throw new IllegalArgumentException(value + " was never added");
        }
        count(slot, value.scale(), -1);
        return sum.subtract(value).setScale(largest(slot), RoundingMode.UNNECESSARY);
    }

    /** Adds the other's counts (same slots) to these. */
    void add(ScaleCounts other) {
        for (int i = 0; i < other.counts.length; i++) {
            count(i % slots, i / slots + 1, other.counts[i]);
        }
        if (other.rare != null) {
            other.rare.forEach((scale, bySlot) -> {
                for (int slot = 0; slot < slots; slot++) {
                    count(slot, scale, bySlot[slot]);
                }
            });
        }
    }

    /** The same counts for every slot and positive scale (zeros and sizes aside). */
    boolean sameAs(ScaleCounts other) {
        TreeSet<Integer> scales = new TreeSet<>();
        for (int scale = 1; scale <= Math.max(counts.length, other.counts.length) / slots; scale++) {
            scales.add(scale);
        }
        if (rare != null) {
            scales.addAll(rare.keySet());
        }
        if (other.rare != null) {
            scales.addAll(other.rare.keySet());
        }
        for (int scale : scales) {
            for (int slot = 0; slot < slots; slot++) {
                if (countOf(slot, scale) != other.countOf(slot, scale)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void count(int slot, int scale, int delta) {
        if (scale <= 0 || delta == 0) {
            // a value without decimals never raises a sum's scale above 0
            return;
        }
        if (scale > ARRAY_SCALES) {
            rare = rare == null ? new TreeMap<>() : rare;
            rare.computeIfAbsent(scale, s -> new int[slots])[slot] += delta;
            return;
        }
        int index = (scale - 1) * slots + slot;
        if (index >= counts.length) {
            counts = Arrays.copyOf(counts, scale * slots);
        }
        counts[index] += delta;
    }

    private int countOf(int slot, int scale) {
        if (scale > ARRAY_SCALES) {
            int[] bySlot = rare == null ? null : rare.get(scale);
            return bySlot == null ? 0 : bySlot[slot];
        }
        int index = (scale - 1) * slots + slot;
        return index < counts.length ? counts[index] : 0;
    }

    private int largest(int slot) {
        if (rare != null) {
            for (Map.Entry<Integer, int[]> entry : rare.descendingMap().entrySet()) {
                if (entry.getValue()[slot] > 0) {
                    return entry.getKey();
                }
            }
        }
        for (int scale = counts.length / slots; scale > 0; scale--) {
            if (counts[(scale - 1) * slots + slot] > 0) {
                return scale;
            }
        }
        return 0;
    }

}
