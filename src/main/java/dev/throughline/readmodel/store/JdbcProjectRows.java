package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.ParentSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whole projects' rows, streamed: every row, or only the rows theme progress folds, read
 * without decoding the others (issues carrying theme links picked by the database,
 * {@link FactsCodec#THEMES_MARK}; children by the parent column's index,
 * {@link JdbcParentIndex}, or by the parent read first from the row's text,
 * {@link FactsCodec#parent}).
 * <p>
 * PostgreSQL's driver sends rows in chunks of {@code fetchSize} only inside a transaction
 * (else it reads the whole answer into memory first), so every read runs in one and a
 * 100,000-issue program never sits in the heap as one list.
 */
final class JdbcProjectRows {

    private static final String ROWS = "SELECT issue_id, issue_key, project_key, facts FROM throughline_issue"
            + " WHERE site_key = :site AND project_key IN (:projects)";

    /**
     * Well under PostgreSQL's 32,767 parameters a statement, with the projects beside
     * them.
     */
    private static final int IDS_PER_QUERY = 1000;

    private final TransactionTemplate transactions;

    private final NamedParameterJdbcTemplate streaming;

    private final JdbcParentIndex parentIndex;

    JdbcProjectRows(TransactionTemplate transactions, NamedParameterJdbcTemplate streaming,
            JdbcParentIndex parentIndex) {
        this.transactions = transactions;
        this.streaming = streaming;
        this.parentIndex = parentIndex;
    }

    void all(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink) {
        if (projectKeys.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> streaming.query(ROWS, which(siteKey, projectKeys), rs -> {
            sink.accept(FactsCodec.read(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }));
    }

    void themed(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink) {
        if (projectKeys.isEmpty()) {
            return;
        }
        MapSqlParameterSource which = which(siteKey, projectKeys).addValue("themed",
                "%" + FactsCodec.THEMES_MARK + "%");
        transactions.executeWithoutResult(status -> streaming.query(ROWS + " AND facts LIKE :themed", which, rs -> {
            IssueFacts facts = FactsCodec.read(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
            if (!facts.themeIds().isEmpty()) {
                sink.accept(facts);
            }
        }));
    }

    /**
     * Children named by parent id are looked up in the parent column's index; rows naming
     * their parent by key only, and rows not filled yet (held before the column), are
     * read as before: their parent read from their text first. The unfilled rows are read
     * first: one filled by a pass meanwhile is then found by its index too (and sent
     * once), never by neither.
     */
    void childrenOf(String siteKey, Collection<String> projectKeys, ParentSet parents, Consumer<IssueFacts> sink) {
        if (projectKeys.isEmpty() || parents.isEmpty()) {
            return;
        }
        parentIndex.startFilling(siteKey);
        Set<Long> sent = new HashSet<>();
        Consumer<IssueFacts> once = f -> {
            if (sent.add(f.id())) {
                sink.accept(f);
            }
        };
        transactions.executeWithoutResult(status -> {
            scanned(ROWS + " AND parent_id IS NULL", siteKey, projectKeys, parents, once);
            if (!parents.keys().isEmpty()) {
                scanned(ROWS + " AND parent_id = " + JdbcParentIndex.BY_KEY, siteKey, projectKeys, parents, once);
            }
            List<Long> ids = List.copyOf(parents.ids());
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                MapSqlParameterSource which = which(siteKey, projectKeys).addValue("parents",
                        ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
                streaming.query(ROWS + " AND parent_id IN (:parents)", which, rs -> {
                    once.accept(FactsCodec.read(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
            }
        });
    }

    private void scanned(String query, String siteKey, Collection<String> projectKeys, ParentSet parents,
            Consumer<IssueFacts> sink) {
        streaming.query(query, which(siteKey, projectKeys), rs -> {
            String json = rs.getString(4);
            Optional<IssueRef> parent = FactsCodec.parent(json);
            if (parent.isPresent() && parents.contains(parent.get())) {
                sink.accept(FactsCodec.read(rs.getLong(1), rs.getString(2), rs.getString(3), json));
            }
        });
    }

    private static MapSqlParameterSource which(String siteKey, Collection<String> projectKeys) {
        return new MapSqlParameterSource("site", siteKey).addValue("projects", projectKeys);
    }

}
