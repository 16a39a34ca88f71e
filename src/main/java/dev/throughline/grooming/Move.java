package dev.throughline.grooming;

/**
 * Where one issue goes in a proposed order: from its current index to its proposed index
 * (both 0-based).
 */
public record Move(String key, int from, int to) {

    public enum Direction {

        UP, DOWN, UNCHANGED

    }

    public Move {
        if (key == null || key.isBlank() || from < 0 || to < 0) {
            throw new IllegalArgumentException("move %s from %d to %d".formatted(key, from, to));
        }
    }

    public Direction direction() {
        return to < from ? Direction.UP : to > from ? Direction.DOWN : Direction.UNCHANGED;
    }

    /** How many positions the issue moves, whatever the direction. */
    public int positions() {
        return Math.abs(from - to);
    }
}
