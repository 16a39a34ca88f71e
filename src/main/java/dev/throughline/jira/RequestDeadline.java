package dev.throughline.jira;

import java.time.Duration;
import java.util.Optional;

/**
 * The time a user's request may still spend on Jira. The web layer opens one per request;
 * every attempt's read timeout and every pause between retries of that thread's Jira
 * calls is cut to what is left, so a request never waits on Jira past its deadline. Work
 * outside a request (no deadline) keeps the client's own limits.
 */
public final class RequestDeadline implements AutoCloseable {

    private static final ThreadLocal<RequestDeadline> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;

    private final Duration budget;

    private final RequestDeadline outer;

    private RequestDeadline(Duration budget, RequestDeadline outer) {
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
        this.budget = budget;
        this.outer = outer;
    }

    /**
     * Starts a deadline {@code budget} from now for this thread's Jira calls; close it
     * when the request ends.
     */
    public static RequestDeadline start(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a request deadline must be positive: " + budget);
        }
        RequestDeadline deadline = new RequestDeadline(budget, CURRENT.get());
        CURRENT.set(deadline);
        return deadline;
    }

    /** The deadline of this thread's request, if it runs one. */
    static Optional<RequestDeadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * What this thread's request has left, if it runs one: work handed to other threads
     * (which carry no deadline) is waited for at most this long.
     */
    public static Optional<Duration> timeLeft() {
        return current().map(RequestDeadline::remaining);
    }

    /** What is left; zero or negative once the deadline passed. */
    Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    boolean passed() {
        return remaining().compareTo(Duration.ZERO) <= 0;
    }

    /** The whole time the request was given. */
    public Duration budget() {
        return budget;
    }

    /**
     * {@code limit}, or less when less is left (at least 1 ms, so a timeout never means
     * "forever").
     */
    static Duration cut(Duration limit) {
        return current().map(deadline -> {
            Duration left = deadline.remaining();
            Duration cut = left.compareTo(limit) < 0 ? left : limit;
            return cut.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : cut;
        }).orElse(limit);
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(outer);
        }
    }

}
