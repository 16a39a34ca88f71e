package dev.throughline.scoring;

/**
 * Where a value/effort pair falls once value and effort are split at the site's
 * thresholds.
 */
public enum Quadrant {

    QUICK_WIN("Quick win"), BIG_BET("Big bet"), FILL_IN("Fill-in"), MONEY_PIT("Money pit");

    private final String label;

    Quadrant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

}
