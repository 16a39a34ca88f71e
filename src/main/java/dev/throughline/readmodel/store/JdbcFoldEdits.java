package dev.throughline.readmodel.store;

import dev.throughline.readmodel.FactsEdit;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-place edits of each bucket by revision, in table {@code throughline_fold_edit}
 * ({@code throughline-010-fold-edits.yaml}): written in the transaction of the upsert
 * that bumps the bucket, at its new revision, so a fold kept at an older revision learns
 * exactly which rows changed and how, or that it cannot tell (a revision without
 * entries). Only the last {@link #KEPT_REVISIONS} revisions of each bucket are kept.
 */
final class JdbcFoldEdits {

    /** Revisions of a bucket whose edits are kept; older ones are pruned at each bump. */
    static final int KEPT_REVISIONS = 32;

    private static final int ATTEMPTS = 8;

    private static final String EDITS = "SELECT revision, issue_id, issue_key, before_facts, after_facts"
            + " FROM throughline_fold_edit WHERE site_key = ? AND project_key = ? AND bucket = ?"
            + " AND revision > ? AND revision <= ?";

    /** The rows a batch replaces, looked up before it does. */
    record Held(Map<Long, Part> parts, Map<Long, String> keys, Map<Long, String> facts) {

        static Held none() {
            return new Held(Map.of(), Map.of(), Map.of());
        }

    }

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    private final JdbcFoldRevisions revisions;

    JdbcFoldEdits(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, JdbcFoldRevisions revisions) {
        this.jdbc = jdbc;
        this.named = named;
        this.revisions = revisions;
    }

    /**
     * A row a write replaced was not among the rows it looked up: another instance wrote
     * it in between (on PostgreSQL a locking read passes over a row whose replacement is
     * not committed yet), so the write's parts and edits would be wrong; it is run again.
     */
    static final class ReplacedMeanwhile extends ConcurrencyFailureException {

        ReplacedMeanwhile(long id) {
            super("issue " + id + " was written by another instance meanwhile");
        }

    }

    /**
     * Runs an upsert again, up to {@link #ATTEMPTS} times, when it met
     * {@link ReplacedMeanwhile}, lost a deadlock or failed on a primary key: its locking
     * read of the rows it replaces meets other instances' writes of the same rows (H2
     * then picks a victim now and then, or finds a row inserted meanwhile), and run again
     * after they committed it reads what they left. A first revision row created by two
     * instances at once fails one of them on its key too
     * ({@link JdbcFoldRevisions#retriedOnFirstRow}).
     */
    static void retried(Runnable upsert) {
        for (int attempt = 1;; attempt++) {
            try {
                upsert.run();
                return;
            }
            catch (ConcurrencyFailureException | DuplicateKeyException meanwhile) {
                if (attempt == ATTEMPTS) {
                    throw meanwhile;
                }
            }
        }
    }

    /**
     * Looks up the rows held for these ids and deletes them, inside the write's
     * transaction; with their facts (locked) only when the write records its edits, since
     * no other write needs them.
     */
    Held replaced(String siteKey, List<Long> ids, boolean recordEdits) {
        Held held = new Held(new HashMap<>(), new HashMap<>(), new HashMap<>());
        if (recordEdits) {
            revisions.heldForEdit(siteKey, ids, held.parts(), held.keys(), held.facts());
        }
        else {
            revisions.held(siteKey, ids, held.parts(), held.keys());
        }
        int[] deleted = jdbc.batchUpdate("DELETE FROM throughline_issue WHERE site_key = ? AND issue_id = ?",
                ids.stream().map(id -> new Object[] { siteKey, id }).toList());
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i] > 0 && !held.parts().containsKey(ids.get(i))) {
                throw new ReplacedMeanwhile(ids.get(i));
            }
        }
        return held;
    }

    /**
     * Bumps the parts the batch touched and, when {@code held} carries facts, records one
     * entry per row of each bucket edited only in place, at the bucket's new revision.
     * @param texts each written row's facts text, by id
     */
    void written(String siteKey, List<IssueFacts> batch, Map<Long, String> texts, Held held) {
        revisions.written(siteKey, batch, held.parts(), held.keys());
        if (held.facts().isEmpty()) {
            return;
        }
        Set<Part> edited = FoldRevisions.editedInPlace(batch, held.parts(), held.keys());
        if (edited.isEmpty()) {
            return;
        }
        Map<Part, Long> now = revisions.now(siteKey, edited);
        List<Object[]> entries = new ArrayList<>();
        for (IssueFacts f : batch) {
            Part part = Part.of(f);
            if (edited.contains(part)) {
                entries.add(new Object[] { siteKey, part.projectKey(), part.bucket(), now.get(part), f.id(), f.key(),
                        held.facts().get(f.id()), texts.get(f.id()) });
            }
        }
        jdbc.batchUpdate("INSERT INTO throughline_fold_edit (site_key, project_key, bucket, revision, issue_id,"
                + " issue_key, before_facts, after_facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries);
    }

    /**
     * Drops the bumped buckets' entries older than the last {@link #KEPT_REVISIONS}
     * revisions; runs in the bump's transaction, right after it.
     */
    static void prune(JdbcTemplate jdbc, String siteKey, Collection<Part> bumped) {
        List<Object[]> buckets = bumped.stream()
            .filter(p -> p.bucket() >= 0)
            .map(p -> new Object[] { siteKey, p.projectKey(), p.bucket(), siteKey, p.projectKey(), p.bucket() })
            .toList();
        if (!buckets.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM throughline_fold_edit WHERE site_key = ? AND project_key = ? AND bucket = ?"
                    + " AND revision <= (SELECT revision - " + KEPT_REVISIONS + " FROM throughline_fold_revision"
                    + " WHERE site_key = ? AND project_key = ? AND bucket = ?)", buckets);
        }
    }

    /**
     * Each bucket's edits in its range, all read on one connection with one prepared
     * statement (a view asks for about a hundred buckets at once).
     */
    Map<Integer, Optional<List<FactsEdit>>> in(String siteKey, String projectKey,
            Map<Integer, FactsEdit.Range> ranges) {
        Map<Integer, Optional<List<FactsEdit>>> found = new HashMap<>();
        ranges.forEach((bucket, range) -> {
            if (range.after() == range.upTo()) {
                found.put(bucket, Optional.of(List.of()));
            }
        });
        if (found.size() == ranges.size()) {
            return found;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement query = connection.prepareStatement(EDITS)) {
                query.setString(1, siteKey);
                query.setString(2, projectKey);
                for (Map.Entry<Integer, FactsEdit.Range> asked : ranges.entrySet()) {
                    FactsEdit.Range range = asked.getValue();
                    if (range.after() < range.upTo()) {
                        query.setInt(3, asked.getKey());
                        query.setLong(4, range.after());
                        query.setLong(5, range.upTo());
                        found.put(asked.getKey(), read(query, projectKey, range));
                    }
                }
            }
            return null;
        });
        return found;
    }

    /** Entries of every revision in the range, or empty if any revision has none. */
    private static Optional<List<FactsEdit>> read(PreparedStatement query, String projectKey, FactsEdit.Range range)
            throws SQLException {
        List<FactsEdit> edits = new ArrayList<>();
        Set<Long> described = new HashSet<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                long revision = rs.getLong(1);
                long id = rs.getLong(2);
                String key = rs.getString(3);
                edits.add(new FactsEdit(revision, FactsCodec.read(id, key, projectKey, rs.getString(4)),
                        FactsCodec.read(id, key, projectKey, rs.getString(5))));
                described.add(revision);
            }
        }
        if (described.size() < range.upTo() - range.after()) {
            return Optional.empty();
        }
        // sorted here, not by the query: SQL outside coordination/ names no order (a JQL
        // guard cannot tell the two apart), and a bucket holds at most 32 revisions
        edits.sort(Comparator.comparingLong(FactsEdit::revision).thenComparingLong(e -> e.after().id()));
        return Optional.of(edits);
    }

    /** Drops the projects' entries (their rows are forgotten). */
    void forget(String siteKey, Collection<String> projectKeys) {
        named.update("DELETE FROM throughline_fold_edit WHERE site_key = :site AND project_key IN (:projects)",
                new MapSqlParameterSource("site", siteKey).addValue("projects", projectKeys));
    }

}
