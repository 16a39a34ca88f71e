package dev.throughline.planning;

/**
 * A stored plan's horizon when it is sprints instead of quarters: the next {@code count}
 * active and future sprints of Jira board {@code board}, read again at every solve, so
 * the horizon moves on as sprints close (as a quarter horizon does as quarters pass).
 */
public record SprintHorizon(long board, int count) {

    public static final int MAX_SPRINTS = 26;

    public SprintHorizon {
        if (board <= 0) {
            throw new IllegalArgumentException("sprints.board must be a board id (a positive number)");
        }
        if (count < 1 || count > MAX_SPRINTS) {
            throw new IllegalArgumentException("sprints.count must be 1 to " + MAX_SPRINTS + " sprints");
        }
    }

}
