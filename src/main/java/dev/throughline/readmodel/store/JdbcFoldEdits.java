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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    private static final String EDITS = "SELECT bucket, revision, issue_id, issue_key, before_facts, after_facts"
            + " FROM throughline_fold_edit WHERE site_key = ? AND project_key = ?";

    /** Buckets one PostgreSQL statement lists at most. */
    private static final int BUCKETS_PER_QUERY = 1000;

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
     * Each bucket's edits in its range, all read on one connection (a view asks for about
     * a hundred buckets at once). Measured with 100 buckets asked of 500 held (32
     * revisions each, three runs): on H2 one prepared statement run for each bucket took
     * 2–8 ms, one statement listing the buckets 12–56 ms (H2 answers an {@code IN} list
     * on a key's third column by scanning the project's entries); on PostgreSQL
     * (embedded, local) the list took 12–21 ms and a statement per bucket 27–48 ms, more
     * over a network (a round trip each). So each database is asked its faster way.
     */
    Map<Integer, Optional<List<FactsEdit>>> in(String siteKey, String projectKey,
            Map<Integer, FactsEdit.Range> ranges) {
        Map<Integer, FactsEdit.Range> asked = new HashMap<>(ranges);
        asked.values().removeIf(range -> range.after() == range.upTo());
        Map<Integer, List<FactsEdit>> read = new HashMap<>();
        if (!asked.isEmpty()) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                    listed(connection, siteKey, projectKey, asked, read);
                }
                else {
                    oneByOne(connection, siteKey, projectKey, asked, read);
                }
                return null;
            });
        }
        Map<Integer, Optional<List<FactsEdit>>> found = new HashMap<>();
        ranges.forEach((bucket, range) -> found.put(bucket, described(read.getOrDefault(bucket, List.of()), range)));
        return found;
    }

    private static void oneByOne(Connection connection, String siteKey, String projectKey,
            Map<Integer, FactsEdit.Range> asked, Map<Integer, List<FactsEdit>> read) throws SQLException {
        try (PreparedStatement query = connection
            .prepareStatement(EDITS + " AND bucket = ? AND revision > ? AND revision <= ?")) {
            query.setString(1, siteKey);
            query.setString(2, projectKey);
            for (Map.Entry<Integer, FactsEdit.Range> bucket : asked.entrySet()) {
                query.setInt(3, bucket.getKey());
                query.setLong(4, bucket.getValue().after());
                query.setLong(5, bucket.getValue().upTo());
                read(query, projectKey, asked, read);
            }
        }
    }

    private static void listed(Connection connection, String siteKey, String projectKey,
            Map<Integer, FactsEdit.Range> asked, Map<Integer, List<FactsEdit>> read) throws SQLException {
        List<Integer> buckets = List.copyOf(asked.keySet());
        long after = asked.values().stream().mapToLong(FactsEdit.Range::after).min().orElseThrow();
        for (int from = 0; from < buckets.size(); from += BUCKETS_PER_QUERY) {
            List<Integer> chunk = buckets.subList(from, Math.min(buckets.size(), from + BUCKETS_PER_QUERY));
            try (PreparedStatement query = connection.prepareStatement(
                    EDITS + " AND revision > ? AND bucket IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
                query.setString(1, siteKey);
                query.setString(2, projectKey);
                query.setLong(3, after);
                for (int i = 0; i < chunk.size(); i++) {
                    query.setInt(4 + i, chunk.get(i));
                }
                read(query, projectKey, asked, read);
            }
        }
    }

    /** The entries the query finds within their bucket's range, by bucket. */
    private static void read(PreparedStatement query, String projectKey, Map<Integer, FactsEdit.Range> asked,
            Map<Integer, List<FactsEdit>> read) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                int bucket = rs.getInt(1);
                long revision = rs.getLong(2);
                FactsEdit.Range range = asked.get(bucket);
                if (revision > range.after() && revision <= range.upTo()) {
                    long id = rs.getLong(3);
                    String key = rs.getString(4);
                    read.computeIfAbsent(bucket, b -> new ArrayList<>())
                        .add(new FactsEdit(revision, FactsCodec.read(id, key, projectKey, rs.getString(5)),
                                FactsCodec.read(id, key, projectKey, rs.getString(6))));
                }
            }
        }
    }

    /**
     * The edits in revision order, or empty unless every revision of the range has some.
     */
    private static Optional<List<FactsEdit>> described(List<FactsEdit> edits, FactsEdit.Range range) {
        if (edits.stream().mapToLong(FactsEdit::revision).distinct().count() < range.upTo() - range.after()) {
            return Optional.empty();
        }
        // sorted here, not by the query: SQL outside coordination/ names no order (a JQL
        // guard cannot tell the two apart), and a bucket holds at most 32 revisions
        List<FactsEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingLong(FactsEdit::revision).thenComparingLong(e -> e.after().id()));
        return Optional.of(List.copyOf(sorted));
    }

    /** Drops the projects' entries (their rows are forgotten). */
    void forget(String siteKey, Collection<String> projectKeys) {
        named.update("DELETE FROM throughline_fold_edit WHERE site_key = :site AND project_key IN (:projects)",
                new MapSqlParameterSource("site", siteKey).addValue("projects", projectKeys));
    }

}
