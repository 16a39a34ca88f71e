package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFactsStore.Dirty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;

/**
 * The issues events named without their facts, in table {@code throughline_issue_dirty}:
 * read again at the next view.
 */
final class JdbcDirtyIssues {

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    private final TransactionTemplate transactions;

    JdbcDirtyIssues(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.named = named;
        this.transactions = transactions;
    }

    void mark(String siteKey, Dirty issue) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM throughline_issue_dirty WHERE site_key = ? AND issue_id = ?", siteKey, issue.id());
            jdbc.update("INSERT INTO throughline_issue_dirty (site_key, issue_id, issue_key, project_key)"
                    + " VALUES (?, ?, ?, ?)", siteKey, issue.id(), issue.key(), issue.projectKey());
        });
    }

    List<Dirty> in(String siteKey, Collection<String> projectKeys) {
        if (projectKeys.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT issue_id, issue_key, project_key FROM throughline_issue_dirty"
                        + " WHERE site_key = :site AND project_key IN (:projects)",
                new MapSqlParameterSource("site", siteKey).addValue("projects", projectKeys),
                (rs, row) -> new Dirty(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    void clear(String siteKey, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM throughline_issue_dirty WHERE site_key = ? AND issue_id = ?",
                    ids.stream().map(id -> new Object[] { siteKey, id }).toList());
        }
    }

}
