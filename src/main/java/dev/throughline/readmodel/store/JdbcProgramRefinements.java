package dev.throughline.readmodel.store;

import dev.throughline.readmodel.ProgramRefinements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ProgramRefinements} in the app's database
 * ({@code throughline-005-refinement.yaml}, the event marks
 * {@code throughline-008-refinement-events.yaml}), shared by every instance; each change
 * is one transaction.
 */
@Component
class JdbcProgramRefinements implements ProgramRefinements {

    private static final String DELETE_ONE = "DELETE FROM throughline_refinement_issue"
            + " WHERE site_key = ? AND program_id = ? AND issue_id = ?";

    private static final String INSERT_ONE = "INSERT INTO throughline_refinement_issue (site_key, program_id,"
            + " issue_id) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    JdbcProgramRefinements(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<Refinement> refinement(String siteKey, String programId) {
        return jdbc
            .query("SELECT program_id, projects, jql, synced_at FROM throughline_refinement"
                    + " WHERE site_key = ? AND program_id = ?", JdbcProgramRefinements::refinement, siteKey, programId)
            .stream()
            .findFirst();
    }

    @Override
    public List<Refinement> refinements(String siteKey) {
        return jdbc.query("SELECT program_id, projects, jql, synced_at FROM throughline_refinement WHERE site_key = ?",
                JdbcProgramRefinements::refinement, siteKey);
    }

    private static Refinement refinement(ResultSet rs, int row) throws SQLException {
        return new Refinement(rs.getString(1), List.of(rs.getString(2).split(",")), rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }

    @Override
    public Set<Long> ids(String siteKey, String programId) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT issue_id FROM throughline_refinement_issue WHERE site_key = ? AND program_id = ?", Long.class,
                siteKey, programId));
    }

    @Override
    public void replace(String siteKey, Refinement refinement, Collection<Long> ids) {
        String programId = refinement.programId();
        String projects = String.join(",", refinement.projects());
        Timestamp syncedAt = Timestamp.from(refinement.syncedAt());
        transactions.executeWithoutResult(status -> {
            // the program's row is updated, not deleted: an event judged at the same time
            // waits for its lock, and its marks stay (one during the read still counts)
            if (jdbc.update(
                    "UPDATE throughline_refinement SET projects = ?, jql = ?, synced_at = ?"
                            + " WHERE site_key = ? AND program_id = ?",
                    projects, refinement.refinement(), syncedAt, siteKey, programId) == 0) {
                jdbc.update(
                        "INSERT INTO throughline_refinement (site_key, program_id, projects, jql, synced_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        siteKey, programId, projects, refinement.refinement(), syncedAt);
            }
            jdbc.update("DELETE FROM throughline_refinement_issue WHERE site_key = ? AND program_id = ?", siteKey,
                    programId);
            insert(siteKey, programId, ids);
        });
    }

    @Override
    public EventMarks marks(String siteKey, String programId) {
        return jdbc
            .query("SELECT decided_at, undecided_at FROM throughline_refinement WHERE site_key = ? AND program_id = ?",
                    (rs, row) -> new EventMarks(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))), siteKey,
                    programId)
            .stream()
            .findFirst()
            .orElse(EventMarks.NONE);
    }

    private static Optional<Instant> instant(Timestamp at) {
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    @Override
    public void decided(String siteKey, String programId, long issueId, boolean member, Instant at) {
        transactions.executeWithoutResult(status -> {
            if (mark("decided_at", siteKey, programId, at) == 0) {
                return;
            }
            jdbc.update(DELETE_ONE, siteKey, programId, issueId);
            if (member) {
                jdbc.update(INSERT_ONE, siteKey, programId, issueId);
            }
        });
    }

    @Override
    public void undecided(String siteKey, String programId, Instant at) {
        mark("undecided_at", siteKey, programId, at);
    }

    /** The later of the mark held and {@code at}; 0 when the program is not held. */
    private int mark(String column, String siteKey, String programId, Instant at) {
        Timestamp time = Timestamp.from(at);
        return jdbc.update(
                "UPDATE throughline_refinement SET " + column + " = CASE WHEN " + column + " IS NULL OR " + column
                        + " < ? THEN ? ELSE " + column + " END WHERE site_key = ? AND program_id = ?",
                time, time, siteKey, programId);
    }

    @Override
    public void forget(String siteKey, String programId) {
        transactions.executeWithoutResult(status -> delete(siteKey, programId));
    }

    private void delete(String siteKey, String programId) {
        jdbc.update("DELETE FROM throughline_refinement_issue WHERE site_key = ? AND program_id = ?", siteKey,
                programId);
        jdbc.update("DELETE FROM throughline_refinement WHERE site_key = ? AND program_id = ?", siteKey, programId);
    }

    @Override
    public void update(String siteKey, String programId, Collection<Long> leave, Collection<Long> match,
            Instant syncedAt) {
        transactions.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE throughline_refinement SET synced_at = ? WHERE site_key = ? AND program_id = ?",
                    Timestamp.from(syncedAt), siteKey, programId) == 0) {
                return;
            }
            Set<Long> both = new HashSet<>(leave);
            both.addAll(match);
            jdbc.batchUpdate(DELETE_ONE, both.stream().map(id -> new Object[] { siteKey, programId, id }).toList());
            insert(siteKey, programId, match);
        });
    }

    private void insert(String siteKey, String programId, Collection<Long> ids) {
        jdbc.batchUpdate(INSERT_ONE,
                Set.copyOf(ids).stream().map(id -> new Object[] { siteKey, programId, id }).toList());
    }

}
