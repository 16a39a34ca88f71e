package dev.throughline.jira;

import java.util.Objects;

/**
 * Who this thread's Jira calls are for: the feature their points are booked to, and
 * whether a user is waiting on them. The web layer opens a user context for each request;
 * background work opens its own; a thread that opened none (a scheduler, a pool without
 * {@link #carry}) counts as background: nobody is known to wait for it, so it is paced
 * and stopped first.
 */
public final class JiraCallContext implements AutoCloseable {

    private static final ThreadLocal<JiraCallContext> CURRENT = new ThreadLocal<>();

    private static final JiraCallContext NONE = new JiraCallContext(CallFeature.BACKGROUND, false, null);

    private final CallFeature feature;

    private final boolean userWaiting;

    private final JiraCallContext outer;

    private JiraCallContext(CallFeature feature, boolean userWaiting, JiraCallContext outer) {
        this.feature = Objects.requireNonNull(feature, "feature");
        this.userWaiting = userWaiting;
        this.outer = outer;
    }

    /** Calls made for a user who waits on the answer (a page, an API request). */
    public static JiraCallContext user(CallFeature feature) {
        return open(feature, true);
    }

    /** Calls made without a user waiting (refreshes, reconciliation, follow-ups). */
    public static JiraCallContext background(CallFeature feature) {
        return open(feature, false);
    }

    private static JiraCallContext open(CallFeature feature, boolean userWaiting) {
        JiraCallContext context = new JiraCallContext(feature, userWaiting, CURRENT.get());
        CURRENT.set(context);
        return context;
    }

    /** This thread's context; background when none was opened. */
    public static JiraCallContext current() {
        JiraCallContext context = CURRENT.get();
        return context == null ? NONE : context;
    }

    /**
     * {@code task} run on another thread with this thread's context (a pool's workers
     * serving the user who waits).
     */
    public static Runnable carry(Runnable task) {
        return within(current(), task);
    }

    private static Runnable within(JiraCallContext context, Runnable task) {
        return () -> {
            try (JiraCallContext ignored = open(context.feature, context.userWaiting)) {
                task.run();
            }
        };
    }

    /** {@code task} (a pool thread's whole life) as calls for a user who waits. */
    public static Runnable asUser(CallFeature feature, Runnable task) {
        return within(new JiraCallContext(feature, true, null), task);
    }

    public CallFeature feature() {
        return feature;
    }

    public boolean userWaiting() {
        return userWaiting;
    }

    @Override
    public void close() {
        if (this == NONE) {
            return;
        }
        if (outer == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(outer);
        }
    }

}
