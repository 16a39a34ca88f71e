package dev.throughline.readmodel.store;

import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The revisions of {@link FoldRevisions} in table {@code throughline_fold_revision}.
 * Bumped inside the transaction of the write they describe: a reader reads revisions
 * before rows, so it may keep new rows under an old revision (folded again at the next
 * view) but never old rows under a new one.
 */
final class JdbcFoldRevisions {

    /**
     * Ids closer than this are read as one range of the primary key (at most this many
     * rows for each id wanted, see {@link #byIds}).
     */
    private static final long RANGE_SPAN = 1024;

    /** A range is read for at least this many ids; fewer are looked up one by one. */
    private static final int MIN_RANGE_IDS = 8;

    /** More scattered ids than this are read as lists of {@link #CHUNK}. */
    private static final int MAX_ONE_BY_ONE = 256;

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    JdbcFoldRevisions(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    FoldRevisions read(String siteKey, Collection<String> projectKeys) {
        Map<Part, Long> found = new HashMap<>();
        List<String> which = new ArrayList<>(projectKeys);
        which.add(Part.KEYS.projectKey());
        named.query(
                "SELECT project_key, bucket, revision FROM throughline_fold_revision"
                        + " WHERE site_key = :site AND project_key IN (:projects)",
                new MapSqlParameterSource("site", siteKey).addValue("projects", which), rs -> {
                    found.put(new Part(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                });
        return new FoldRevisions(found);
    }

    /**
     * The parts and keys of the rows held for these ids, before a write replaces them.
     */
    void held(String siteKey, Collection<Long> ids, Map<Long, Part> parts, Map<Long, String> keys) {
        byIds(siteKey, ids, false, (id, key, project, facts) -> {
            keys.put(id, key);
            parts.put(id, new Part(project, FoldRevisions.bucketOf(id)));
        });
    }

    /**
     * As {@link #held}, with each row's facts text, for a write that records its edits
     * ({@link JdbcFoldEdits}). The rows are locked until the write commits: read without
     * a lock, a row another instance replaced in between would be recorded as the row
     * before, and the edit then taken out of a fold would not be the row folded into it.
     */
    void heldForEdit(String siteKey, Collection<Long> ids, Map<Long, Part> parts, Map<Long, String> keys,
            Map<Long, String> facts) {
        byIds(siteKey, ids, true, (id, key, project, text) -> {
            keys.put(id, key);
            parts.put(id, new Part(project, FoldRevisions.bucketOf(id)));
            facts.put(id, text);
        });
    }

    void written(String siteKey, Collection<IssueFacts> written, Map<Long, Part> heldParts,
            Map<Long, String> heldKeys) {
        bump(siteKey, FoldRevisions.touched(written, heldParts, heldKeys));
    }

    /**
     * The revisions these parts have now, read inside the transaction that bumped them
     * (its lock on their rows keeps them so until it commits).
     */
    Map<Part, Long> now(String siteKey, Collection<Part> parts) {
        Map<Part, Long> now = new HashMap<>();
        for (Part part : parts) {
            now.put(part,
                    jdbc.queryForObject(
                            "SELECT revision FROM throughline_fold_revision"
                                    + " WHERE site_key = ? AND project_key = ? AND bucket = ?",
                            Long.class, siteKey, part.projectKey(), part.bucket()));
        }
        return now;
    }

    /**
     * Runs a write that bumps revisions (its own transaction) once more when it failed on
     * a primary key: two instances that create the same part's first revision row at once
     * fail one of them there, and written again it finds the row and updates it.
     */
    static void retriedOnFirstRow(Runnable write) {
        try {
            write.run();
        }
        catch (DuplicateKeyException firstRevisionRow) {
            write.run();
        }
    }

    /**
     * Must run inside the write's transaction. Two instances that create the same part's
     * first row at once: one write fails on the primary key ({@link #retriedOnFirstRow}).
     */
    void bump(String siteKey, Collection<Part> parts) {
        List<Part> all = List.copyOf(parts);
        int[] updated = jdbc.batchUpdate(
                "UPDATE throughline_fold_revision SET revision = revision + 1"
                        + " WHERE site_key = ? AND project_key = ? AND bucket = ?",
                all.stream().map(p -> new Object[] { siteKey, p.projectKey(), p.bucket() }).toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (updated[i] == 0) {
                missing.add(new Object[] { siteKey, all.get(i).projectKey(), all.get(i).bucket(), 1L });
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO throughline_fold_revision (site_key, project_key, bucket, revision)"
                    + " VALUES (?, ?, ?, ?)", missing);
        }
        JdbcFoldEdits.prune(jdbc, siteKey, all);
    }

    /**
     * The keys held for these ids in these projects (a fold's changed buckets name them).
     */
    Map<Long, String> keys(String siteKey, Collection<String> projectKeys, Collection<Long> ids) {
        Map<Long, String> keys = new HashMap<>();
        byIds(siteKey, ids, false, (id, key, project, facts) -> {
            if (projectKeys.contains(project)) {
                keys.put(id, key);
            }
        });
        return keys;
    }

    private interface HeldRow {

        /** {@code facts} is null unless asked for. */
        void accept(long id, String key, String projectKey, String facts);

    }

    /**
     * By the primary key only, and as an {@code IN} list only when nothing else will do:
     * H2 scans every row of the site for a list on the key's second column (40 ids took
     * 60–90 ms at 100,000 rows; a full read's writes look up each batch of 2,000 issues
     * first, and in a profile of writing 100,000 rows most samples were in those scans).
     * The ids, in order, are read as ranges where they lie close together (a batch of a
     * full read, a bucket's parents and blockers) and one by one where they do not, all
     * on one connection; only many scattered ids are read as lists (in chunks: PostgreSQL
     * takes at most 32,767 parameters in a statement, and uses its index for them). A
     * caller filters by project itself. {@code forEdit}: with the facts text, and every
     * row read (a range's neighbours too) locked for the caller's transaction.
     */
    private void byIds(String siteKey, Collection<Long> ids, boolean forEdit, HeldRow sink) {
        String columns = forEdit ? "SELECT issue_id, issue_key, project_key, facts"
                : "SELECT issue_id, issue_key, project_key";
        String locked = forEdit ? " FOR UPDATE" : "";
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        List<Long> scattered = new ArrayList<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement one = connection
                .prepareStatement(columns + " FROM throughline_issue WHERE site_key = ? AND issue_id = ?" + locked);
                    PreparedStatement range = connection.prepareStatement(
                            columns + " FROM throughline_issue WHERE site_key = ? AND issue_id >= ? AND issue_id <= ?"
                                    + locked)) {
                one.setString(1, siteKey);
                range.setString(1, siteKey);
                int from = 0;
                while (from < sorted.length) {
                    int to = from + 1;
                    while (to < sorted.length && sorted[to] - sorted[from] < RANGE_SPAN) {
                        to++;
                    }
                    if (to - from >= MIN_RANGE_IDS) {
                        range.setLong(2, sorted[from]);
                        range.setLong(3, sorted[to - 1]);
                        read(range, sorted, from, to, forEdit, sink);
                    }
                    else {
                        for (int i = from; i < to; i++) {
                            scattered.add(sorted[i]);
                        }
                    }
                    from = to;
                }
                if (scattered.size() <= MAX_ONE_BY_ONE) {
                    for (long id : scattered) {
                        one.setLong(2, id);
                        read(one, new long[] { id }, 0, 1, forEdit, sink);
                    }
                    scattered.clear();
                }
            }
            return null;
        });
        for (int from = 0; from < scattered.size(); from += CHUNK) {
            named.query(columns + " FROM throughline_issue WHERE site_key = :site AND issue_id IN (:ids)" + locked,
                    new MapSqlParameterSource("site", siteKey).addValue("ids",
                            scattered.subList(from, Math.min(scattered.size(), from + CHUNK))),
                    rs -> {
                        sink.accept(rs.getLong(1), rs.getString(2), rs.getString(3), forEdit ? rs.getString(4) : null);
                    });
        }
    }

    /** The rows the statement finds whose ids are among {@code sorted[from..to)}. */
    private static void read(PreparedStatement query, long[] sorted, int from, int to, boolean withFacts, HeldRow sink)
            throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (Arrays.binarySearch(sorted, from, to, id) >= 0) {
                    sink.accept(id, rs.getString(2), rs.getString(3), withFacts ? rs.getString(4) : null);
                }
            }
        }
    }

}
