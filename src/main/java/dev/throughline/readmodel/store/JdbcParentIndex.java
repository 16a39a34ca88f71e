package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts.IssueRef;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The read model's parent column ({@code throughline-009-parent-index.yaml}): written
 * with every row, and filled for rows held before it by a paced pass per site, from each
 * row's own facts (never Jira). A site's pass starts on this instance's first children
 * query of it; rows still unfilled are scanned as before, so an answer never waits for
 * the pass.
 * <p>
 * Several instances may fill one site at once: each row's value follows from its own
 * facts, and a fill only writes a row still unfilled, so a row written since (which
 * carries its parent) is never overwritten.
 */
final class JdbcParentIndex {

    /** No parent. */
    static final long NONE = 0;

    /**
     * A parent named by key only (from an event): such rows are matched on their text.
     */
    static final long BY_KEY = -1;

    private final JdbcTemplate jdbc;

    private final Executor passes;

    private final int chunk;

    private final Duration pause;

    private final Set<String> started = ConcurrentHashMap.newKeySet();

    JdbcParentIndex(JdbcTemplate jdbc, Executor passes, int chunk, Duration pause) {
        this.jdbc = jdbc;
        this.passes = passes;
        this.chunk = chunk;
        this.pause = pause;
    }

    /**
     * Passes on one daemon thread that ends when idle: a pass is a background chore, and
     * chunks of 500 rows with a 50 ms pause keep it from crowding out views.
     */
    static JdbcParentIndex paced(JdbcTemplate jdbc) {
        ThreadPoolExecutor passes = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "parent-column-pass");
                    thread.setDaemon(true);
                    return thread;
                });
        return new JdbcParentIndex(jdbc, passes, 500, Duration.ofMillis(50));
    }

    /** The column's value for a row naming this parent. */
    static long column(Optional<IssueRef> parent) {
        return parent.map(p -> p.id() > 0 ? p.id() : BY_KEY).orElse(NONE);
    }

    /** Starts the site's pass once per instance (a later start finds nothing to fill). */
    void startFilling(String siteKey) {
        if (started.add(siteKey)) {
            passes.execute(() -> fill(siteKey));
        }
    }

    /**
     * Fills the site's unfilled rows a chunk at a time, pausing between chunks so the
     * pass never holds the database for long.
     * @return the rows this call filled
     */
    int fill(String siteKey) {
        int filled = 0;
        while (true) {
            List<Object[]> updates = new ArrayList<>();
            jdbc.query("SELECT issue_id, facts FROM throughline_issue WHERE site_key = ? AND parent_id IS NULL"
                    + " FETCH FIRST " + chunk + " ROWS ONLY", rs -> {
                        updates
                            .add(new Object[] { column(FactsCodec.parent(rs.getString(2))), siteKey, rs.getLong(1) });
                    }, siteKey);
            // a statement (and its one row's lock) at a time: a pass never holds locks a
            // write or another pass waits for in turn, so it can take part in no deadlock
            for (Object[] update : updates) {
                filled += jdbc.update(
                        "UPDATE throughline_issue SET parent_id = ? WHERE site_key = ? AND issue_id = ? AND parent_id IS NULL",
                        update);
            }
            if (updates.size() < chunk) {
                return filled;
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(pause.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("parent column's pass interrupted", e);
        }
    }

}
