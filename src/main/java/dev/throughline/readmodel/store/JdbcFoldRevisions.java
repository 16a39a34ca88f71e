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
import java.util.ArrayList;
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

    private static final int CHUNK = 1000;

    /** Up to this many ids are looked up one by one (see {@link #byIds}). */
    private static final int ONE_BY_ONE = 500;

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
        byIds(siteKey, ids, (id, key, project) -> {
            keys.put(id, key);
            parts.put(id, new Part(project, FoldRevisions.bucketOf(id)));
        });
    }

    void written(String siteKey, Collection<IssueFacts> written, Map<Long, Part> heldParts,
            Map<Long, String> heldKeys) {
        bump(siteKey, FoldRevisions.touched(written, heldParts, heldKeys));
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
    }

    /**
     * The keys held for these ids in these projects (a fold's changed buckets name them).
     */
    Map<Long, String> keys(String siteKey, Collection<String> projectKeys, Collection<Long> ids) {
        Map<Long, String> keys = new HashMap<>();
        byIds(siteKey, ids, (id, key, project) -> {
            if (projectKeys.contains(project)) {
                keys.put(id, key);
            }
        });
        return keys;
    }

    private interface HeldRow {

        void accept(long id, String key, String projectKey);

    }

    /**
     * By the primary key only: a few ids one by one on one connection (H2 scans the
     * site's rows for an {@code IN} list on the key's second column: 40 named ids took
     * 60–90 ms at 100,000 rows, one lookup a few microseconds), more in chunks
     * (PostgreSQL takes at most 32,767 parameters in a statement); a caller filters by
     * project itself, as with the projects in the condition H2 may choose the projects'
     * index and scan their rows.
     */
    private void byIds(String siteKey, Collection<Long> ids, HeldRow sink) {
        List<Long> all = List.copyOf(ids);
        if (all.size() <= ONE_BY_ONE) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (PreparedStatement lookup = connection
                    .prepareStatement("SELECT issue_id, issue_key, project_key FROM throughline_issue"
                            + " WHERE site_key = ? AND issue_id = ?")) {
                    lookup.setString(1, siteKey);
                    for (long id : all) {
                        lookup.setLong(2, id);
                        try (ResultSet rs = lookup.executeQuery()) {
                            while (rs.next()) {
                                sink.accept(rs.getLong(1), rs.getString(2), rs.getString(3));
                            }
                        }
                    }
                }
                return null;
            });
            return;
        }
        for (int from = 0; from < all.size(); from += CHUNK) {
            named.query(
                    "SELECT issue_id, issue_key, project_key FROM throughline_issue"
                            + " WHERE site_key = :site AND issue_id IN (:ids)",
                    new MapSqlParameterSource("site", siteKey).addValue("ids",
                            all.subList(from, Math.min(all.size(), from + CHUNK))),
                    rs -> {
                        sink.accept(rs.getLong(1), rs.getString(2), rs.getString(3));
                    });
        }
    }

}
