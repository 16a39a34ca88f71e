package dev.throughline.grooming.web;

import dev.throughline.grooming.BacklogFlag;
import dev.throughline.grooming.ScoreRanks;
import dev.throughline.grooming.service.BacklogRow;
import dev.throughline.grooming.service.BacklogSnapshot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/boards/{boardId}/backlog}: one page of the snapshot, with flag counts
 * over all of it.
 */
record BacklogPageAnswer(long boardId, int total, int offset, int limit, int staleDays, String readAt,
        Map<BacklogFlag, Integer> flagCounts, List<Row> items) {

    /** One backlog issue; {@code scoreRank} null when unscored, {@code version} 0. */
    record Row(String key, String summary, String type, String status, BigDecimal score, String model,
            List<String> themeIds, List<String> inheritedThemeIds, String themesFrom, Double storyPoints, Long ageDays,
            String updated, List<String> flags, Set<String> blockedBy, long version, Map<String, BigDecimal> inputs,
            Rank scoreRank) {
    }

    record Rank(int rank, int of) {
    }

    static BacklogPageAnswer of(long boardId, int offset, int limit, int staleDays, BacklogSnapshot snapshot) {
        List<BacklogRow> rows = snapshot.rows();
        List<BacklogRow> page = rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + limit));
        Map<String, ScoreRanks.Rank> ranks = snapshot.scoreRanks();
        return new BacklogPageAnswer(boardId, rows.size(), offset, limit, staleDays, snapshot.readAt().toString(),
                snapshot.flagCounts(), page.stream().map(row -> row(row, ranks.get(row.key()))).toList());
    }

    private static Row row(BacklogRow row, ScoreRanks.Rank rank) {
        return new Row(row.key(), row.summary(), row.type(), row.status(), row.score().orElse(null),
                row.model().orElse(null), row.themeIds(), row.inheritedThemeIds(), row.themesFrom().orElse(null),
                row.storyPoints().orElse(null), row.ageDays().orElse(null),
                row.updated().map(Object::toString).orElse(null),
                row.flags().stream().sorted().map(Enum::name).toList(), row.openBlockers(), row.valueVersion(),
                row.valueInputs(), rank == null ? null : new Rank(rank.rank(), rank.of()));
    }
}
