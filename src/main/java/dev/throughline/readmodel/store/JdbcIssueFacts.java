package dev.throughline.readmodel.store;

import dev.throughline.readmodel.FactsEdit;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ParentSet;
import dev.throughline.readmodel.ProjectSync;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read model in the app's database (H2 or PostgreSQL, tables of
 * {@code throughline-004-readmodel.yaml}), shared by every app instance. Writes of one
 * call are one transaction, so a reader never sees half a page of a refresh.
 */
@Component
class JdbcIssueFacts implements IssueFactsStore {

    private static final int BATCH = 1000;

    private static final int FETCH = 1000;

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    private final TransactionTemplate transactions;

    private final JdbcFoldRevisions revisions;

    /** Each bucket's in-place edits by revision. */
    private final JdbcFoldEdits edits;

    private final JdbcDirtyIssues dirty;

    /** Reads whole projects a chunk of rows at a time. */
    private final NamedParameterJdbcTemplate streaming;

    /** Whole projects' rows, streamed. */
    private final JdbcProjectRows rows;

    JdbcIssueFacts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        JdbcTemplate chunked = new JdbcTemplate(jdbc.getDataSource());
        chunked.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(chunked);
        this.transactions = transactions;
        this.revisions = new JdbcFoldRevisions(jdbc, named);
        this.edits = new JdbcFoldEdits(jdbc, named, revisions);
        this.dirty = new JdbcDirtyIssues(jdbc, named, transactions);
        this.rows = new JdbcProjectRows(transactions, streaming, JdbcParentIndex.paced(jdbc));
    }

    @Override
    public List<String> projects(String siteKey) {
        return jdbc.queryForList("SELECT project_key FROM throughline_issue_sync WHERE site_key = ?", String.class,
                siteKey);
    }

    @Override
    public Map<String, ProjectSync> syncs(String siteKey, Collection<String> projectKeys) {
        Map<String, ProjectSync> found = new HashMap<>();
        if (projectKeys.isEmpty()) {
            return found;
        }
        named.query(
                "SELECT project_key, synced_at, points_field, stale FROM throughline_issue_sync"
                        + " WHERE site_key = :site AND project_key IN (:projects)",
                site(siteKey).addValue("projects", projectKeys), rs -> {
                    String project = rs.getString(1);
                    found.put(project, new ProjectSync(project, rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getBoolean(4)));
                });
        return found;
    }

    @Override
    public void synced(String siteKey, Collection<String> projectKeys, Instant at, String pointsField) {
        transactions.executeWithoutResult(status -> {
            for (String project : projectKeys) {
                jdbc.update("DELETE FROM throughline_issue_sync WHERE site_key = ? AND project_key = ?", siteKey,
                        project);
                jdbc.update("INSERT INTO throughline_issue_sync (site_key, project_key, synced_at, points_field, stale)"
                        + " VALUES (?, ?, ?, ?, ?)", siteKey, project, Timestamp.from(at), pointsField, false);
            }
        });
    }

    @Override
    public void markStale(String siteKey) {
        jdbc.update("UPDATE throughline_issue_sync SET stale = ? WHERE site_key = ?", true, siteKey);
    }

    @Override
    public void upsert(String siteKey, Collection<IssueFacts> facts) {
        JdbcFoldEdits.retried(() -> write(siteKey, facts, true, true));
    }

    /**
     * INSERT only: after {@link #forget} a full read's issues are not held, and looking
     * for an old row of each doubled the cost of a first read. A batch that meets a held
     * row after all (an issue moved in from a project not being read) is written again as
     * an upsert, recording no edits.
     */
    @Override
    public void insertNew(String siteKey, Collection<IssueFacts> facts) {
        try {
            write(siteKey, facts, false, false);
        }
        catch (DataIntegrityViolationException held) {
            JdbcFoldEdits.retried(() -> write(siteKey, facts, true, false));
        }
    }

    /**
     * One transaction; the last facts of an issue named twice win (a batch may join pages
     * read while the issue moved). {@code recordEdits}: see {@link JdbcFoldEdits}.
     */
    private void write(String siteKey, Collection<IssueFacts> facts, boolean replace, boolean recordEdits) {
        if (facts.isEmpty()) {
            return;
        }
        Map<Long, IssueFacts> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.put(f.id(), f));
        List<IssueFacts> all = List.copyOf(byId.values());
        transactions.executeWithoutResult(status -> {
            for (int from = 0; from < all.size(); from += BATCH) {
                List<IssueFacts> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                Map<Long, String> texts = new HashMap<>();
                batch.forEach(f -> texts.put(f.id(), FactsCodec.write(f)));
                JdbcFoldEdits.Held held = JdbcFoldEdits.Held.none();
                if (replace) {
                    held = edits.replaced(siteKey, batch.stream().map(IssueFacts::id).toList(), recordEdits);
                }
                jdbc.batchUpdate(
                        "INSERT INTO throughline_issue (site_key, issue_id, issue_key, project_key, facts, parent_id)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        batch.stream()
                            .map(f -> new Object[] { siteKey, f.id(), f.key(), f.projectKey(), texts.get(f.id()),
                                    JdbcParentIndex.column(f.parent()) })
                            .toList());
                edits.written(siteKey, batch, texts, held);
            }
        });
    }

    @Override
    public Optional<IssueFacts> byId(String siteKey, long id) {
        List<IssueFacts> found = new ArrayList<>();
        jdbc.query("SELECT issue_id, issue_key, project_key, facts FROM throughline_issue"
                + " WHERE site_key = ? AND issue_id = ?", rs -> {
                    found.add(FactsCodec.read(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }, siteKey, id);
        return found.stream().findFirst();
    }

    @Override
    public void delete(String siteKey, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            JdbcFoldRevisions.retriedOnFirstRow(() -> transactions.executeWithoutResult(status -> {
                Map<Long, Part> held = new HashMap<>();
                revisions.held(siteKey, ids, held, new HashMap<>());
                jdbc.batchUpdate("DELETE FROM throughline_issue WHERE site_key = ? AND issue_id = ?",
                        ids.stream().map(id -> new Object[] { siteKey, id }).toList());
                List<Part> touched = new ArrayList<>(held.values());
                touched.add(Part.KEYS);
                revisions.bump(siteKey, touched);
            }));
        }
    }

    @Override
    public Optional<FoldRevisions> revisions(String siteKey, Collection<String> projectKeys) {
        return Optional.of(revisions.read(siteKey, projectKeys));
    }

    @Override
    public Optional<List<FactsEdit>> editsIn(String siteKey, String projectKey, int bucket, long after, long upTo) {
        return edits.in(siteKey, projectKey, Map.of(bucket, new FactsEdit.Range(after, upTo))).get(bucket);
    }

    @Override
    public Map<Integer, Optional<List<FactsEdit>>> editsIn(String siteKey, String projectKey,
            Map<Integer, FactsEdit.Range> ranges) {
        return edits.in(siteKey, projectKey, ranges);
    }

    @Override
    public void forEachIn(String siteKey, String projectKey, Collection<Integer> buckets, Consumer<IssueFacts> sink) {
        for (int bucket : buckets) {
            long first = (long) bucket << FoldRevisions.BUCKET_BITS;
            // by the primary key's id range only: with the project in the condition H2
            // may choose the project's index and scan all its rows
            jdbc.query("SELECT issue_id, issue_key, project_key, facts FROM throughline_issue"
                    + " WHERE site_key = ? AND issue_id >= ? AND issue_id < ?", rs -> {
                        if (projectKey.equals(rs.getString(3))) {
                            sink.accept(FactsCodec.read(rs.getLong(1), rs.getString(2), projectKey, rs.getString(4)));
                        }
                    }, siteKey, first, first + (1L << FoldRevisions.BUCKET_BITS));
        }
    }

    @Override
    public Map<Long, String> keys(String siteKey, Collection<String> projectKeys, Collection<Long> ids) {
        return revisions.keys(siteKey, projectKeys, ids);
    }

    @Override
    public void forEach(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink) {
        rows.all(siteKey, projectKeys, sink);
    }

    @Override
    public void forEachThemed(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink) {
        rows.themed(siteKey, projectKeys, sink);
    }

    @Override
    public void forEachChildOf(String siteKey, Collection<String> projectKeys, ParentSet parents,
            Consumer<IssueFacts> sink) {
        rows.childrenOf(siteKey, projectKeys, parents, sink);
    }

    @Override
    public Map<Long, String> keys(String siteKey, Collection<String> projectKeys) {
        Map<Long, String> keys = new HashMap<>();
        if (!projectKeys.isEmpty()) {
            transactions.executeWithoutResult(status -> streaming.query(
                    "SELECT issue_id, issue_key FROM throughline_issue"
                            + " WHERE site_key = :site AND project_key IN (:projects)",
                    site(siteKey).addValue("projects", projectKeys), rs -> {
                        keys.put(rs.getLong(1), rs.getString(2));
                    }));
        }
        return keys;
    }

    @Override
    public List<Long> ids(String siteKey, String projectKey) {
        return jdbc.queryForList("SELECT issue_id FROM throughline_issue WHERE site_key = ? AND project_key = ?",
                Long.class, siteKey, projectKey);
    }

    @Override
    public void markDirty(String siteKey, Dirty issue) {
        dirty.mark(siteKey, issue);
    }

    @Override
    public List<Dirty> dirty(String siteKey, Collection<String> projectKeys) {
        return dirty.in(siteKey, projectKeys);
    }

    @Override
    public void clearDirty(String siteKey, Collection<Long> ids) {
        dirty.clear(siteKey, ids);
    }

    @Override
    public void forget(String siteKey, Collection<String> projectKeys) {
        if (projectKeys.isEmpty()) {
            return;
        }
        JdbcFoldRevisions.retriedOnFirstRow(() -> transactions.executeWithoutResult(status -> {
            MapSqlParameterSource which = site(siteKey).addValue("projects", projectKeys);
            named.update("DELETE FROM throughline_issue WHERE site_key = :site AND project_key IN (:projects)", which);
            named.update("DELETE FROM throughline_issue_sync WHERE site_key = :site AND project_key IN (:projects)",
                    which);
            edits.forget(siteKey, projectKeys);
            List<Part> touched = new ArrayList<>(projectKeys.stream().map(Part::project).toList());
            touched.add(Part.KEYS);
            revisions.bump(siteKey, touched);
        }));
    }

    private static MapSqlParameterSource site(String siteKey) {
        return new MapSqlParameterSource("site", siteKey);
    }

}
