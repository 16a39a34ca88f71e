package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.ParentSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whole projects' rows, streamed: every row, or only the rows theme progress folds, read
 * without decoding the others (issues carrying theme links picked by the database,
 * {@link FactsCodec#THEMES_MARK}; children by the parent read first from each row's text,
 * {@link FactsCodec#parent}).
 * <p>
 * PostgreSQL's driver sends rows in chunks of {@code fetchSize} only inside a transaction
 * (else it reads the whole answer into memory first), so every read runs in one and a
 * 100,000-issue program never sits in the heap as one list.
 */
final class JdbcProjectRows {

    private static final String ROWS = "SELECT issue_id, issue_key, project_key, facts FROM throughline_issue"
            + " WHERE site_key = :site AND project_key IN (:projects)";

    private final TransactionTemplate transactions;

    private final NamedParameterJdbcTemplate streaming;

    JdbcProjectRows(TransactionTemplate transactions, NamedParameterJdbcTemplate streaming) {
        this.transactions = transactions;
        this.streaming = streaming;
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

    void childrenOf(String siteKey, Collection<String> projectKeys, ParentSet parents, Consumer<IssueFacts> sink) {
        if (projectKeys.isEmpty() || parents.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> streaming.query(ROWS, which(siteKey, projectKeys), rs -> {
            String json = rs.getString(4);
            Optional<IssueRef> parent = FactsCodec.parent(json);
            if (parent.isPresent() && parents.contains(parent.get())) {
                sink.accept(FactsCodec.read(rs.getLong(1), rs.getString(2), rs.getString(3), json));
            }
        }));
    }

    private static MapSqlParameterSource which(String siteKey, Collection<String> projectKeys) {
        return new MapSqlParameterSource("site", siteKey).addValue("projects", projectKeys);
    }

}
