package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogFlag;
import dev.throughline.grooming.ScoreRanks;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole backlog of a board in Jira's rank order, as read at {@code readAt}, with how
 * many rows carry each flag and each scored row's rank by value among the rows of its
 * model (worked out once: every page of a cached snapshot shows them).
 */
public record BacklogSnapshot(long boardId, List<BacklogRow> rows, Map<BacklogFlag, Integer> flagCounts, Instant readAt,
        Map<String, ScoreRanks.Rank> scoreRanks) {

    public BacklogSnapshot(long boardId, List<BacklogRow> rows, Map<BacklogFlag, Integer> flagCounts, Instant readAt) {
        this(boardId, rows, flagCounts, readAt, ranksOf(rows));
    }

    public BacklogSnapshot {
        rows = List.copyOf(rows);
        Map<BacklogFlag, Integer> counts = new EnumMap<>(BacklogFlag.class);
        for (BacklogFlag flag : BacklogFlag.values()) {
            counts.put(flag, flagCounts.getOrDefault(flag, 0));
        }
        flagCounts = Collections.unmodifiableMap(counts);
        scoreRanks = Map.copyOf(scoreRanks);
    }

    private static Map<String, ScoreRanks.Rank> ranksOf(List<BacklogRow> rows) {
        return ScoreRanks.of(rows.stream()
            .filter(r -> r.score().isPresent() && r.model().isPresent())
            .map(r -> new ScoreRanks.Scored(r.key(), r.model().get(), r.score().get()))
            .toList());
    }

    public List<String> keys() {
        return rows.stream().map(BacklogRow::key).toList();
    }
}
