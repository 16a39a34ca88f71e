package dev.throughline.program.rollup;

/** Whether a forecast could be made. */
enum ForecastStatus {

    /** Nothing open: the group is complete. */
    COMPLETE,
    /** Percentiles are available. */
    FORECAST,
    /**
     * Open items but nothing was done in the throughput window: no honest date exists.
     */
    NO_THROUGHPUT

}
