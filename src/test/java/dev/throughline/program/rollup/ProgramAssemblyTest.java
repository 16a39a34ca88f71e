package dev.throughline.program.rollup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program result worked out from the last one after random changes (edits of every
 * field, re-parenting, theme links, blocking links, moves, deletions, new issues) equals
 * a full assembly of a fresh fold every time, for every viewer's set of projects.
 * Projects are folded by bucket of ids and merged again from the changed buckets, as the
 * read model's warm fold does.
 */
class ProgramAssemblyTest {

    private static final List<String> PROJECTS = List.of("A", "B", "C");

    private static final List<String> THEMES = List.of("T1", "T2", "T3");

    private static final int BUCKET = 16;

    private Random random;

    private RollupSettings settings;

    private final Map<Long, ProgramIssue> issues = new TreeMap<>();

    /** Each project's bucket rollups and their merge. */
    private final Map<String, Map<Long, ProjectRollup>> buckets = new HashMap<>();

    private final Map<String, ProjectRollup> merged = new LinkedHashMap<>();

    private long nextId;

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
    void anUpdatedResultEqualsAFullAssembly(long seed) {
        random = new Random(seed);
        settings = RollupSettings.defaults(TestIssue.TODAY)
            .withIncludeSubtasks(seed % 2 == 0)
            .withTrials(200)
            .withThemeEnds(Map.of("T1", TestIssue.TODAY.plusDays(20), "T2", TestIssue.TODAY.plusDays(90)));
        for (nextId = 1; nextId <= 300; nextId++) {
            issues.put(nextId, randomIssue(nextId));
        }
        PROJECTS.forEach(project -> buckets.put(project, new HashMap<>()));
        issues.keySet().forEach(id -> refold(issues.get(id).projectKey(), id / BUCKET));
        PROJECTS.forEach(project -> merged.put(project,
                ProjectRollup.merge(settings, List.copyOf(buckets.get(project).values()))));
        ProgramAssembly all = ProgramAssembly.of(settings, parts(PROJECTS));
        ProgramAssembly two = ProgramAssembly.of(settings, parts(List.of("A", "C")));
        for (int step = 0; step < 150; step++) {
            Map<String, List<ProjectRollup>> removed = new HashMap<>();
            Map<String, List<ProjectRollup>> added = new HashMap<>();
            for (int change = 1 + random.nextInt(step % 10 == 0 ? 40 : 3); change > 0; change--) {
                change(removed, added);
            }
            PROJECTS.forEach(project -> {
                List<ProjectRollup> now = List.copyOf(buckets.get(project).values());
                if (random.nextInt(10) == 0) {
                    // a part not worked out from the one it replaces: all its keys merged
                    // again
                    merged.put(project, ProjectRollup.merge(settings, now));
                }
                else if (removed.containsKey(project) || added.containsKey(project)) {
                    merged.put(project, ProjectRollup.remerge(settings, merged.get(project),
                            removed.getOrDefault(project, List.of()), added.getOrDefault(project, List.of()), now));
                }
            });
            all = all.next(settings, parts(PROJECTS));
            two = two.next(settings, parts(List.of("A", "C")));
            assertThat(all.result()).as("step %d, all projects", step).isEqualTo(fresh(PROJECTS));
            assertThat(two.result()).as("step %d, A and C", step).isEqualTo(fresh(List.of("A", "C")));
        }
    }

    /** One random change; the buckets it touches are folded again. */
    private void change(Map<String, List<ProjectRollup>> removed, Map<String, List<ProjectRollup>> added) {
        List<Long> ids = new ArrayList<>(issues.keySet());
        long id = ids.get(random.nextInt(ids.size()));
        ProgramIssue was = issues.get(id);
        int kind = random.nextInt(10);
        if (kind == 0) {
            issues.remove(id);
        }
        else if (kind == 1) {
            id = nextId++;
            was = null;
            issues.put(id, randomIssue(id));
        }
        else if (kind < 3) {
            issues.put(id, randomIssue(id));
        }
        else {
            issues.put(id, small(was));
        }
        ProgramIssue now = issues.get(id);
        Set<String> touched = new TreeSet<>();
        Optional.ofNullable(was).ifPresent(issue -> touched.add(issue.projectKey()));
        Optional.ofNullable(now).ifPresent(issue -> touched.add(issue.projectKey()));
        for (String project : touched) {
            ProjectRollup before = buckets.get(project).get(id / BUCKET);
            ProjectRollup after = refold(project, id / BUCKET);
            Optional.ofNullable(before)
                .ifPresent(rollup -> removed.computeIfAbsent(project, p -> new ArrayList<>()).add(rollup));
            Optional.ofNullable(after)
                .ifPresent(rollup -> added.computeIfAbsent(project, p -> new ArrayList<>()).add(rollup));
        }
    }

    /** The bucket's issues folded again (none left: the bucket is gone). */
    private ProjectRollup refold(String project, long bucket) {
        ProjectRollup rollup = new ProjectRollup(settings);
        boolean any = false;
        for (ProgramIssue issue : issues.values()) {
            if (issue.projectKey().equals(project) && id(issue) / BUCKET == bucket) {
                rollup.accept(issue);
                any = true;
            }
        }
        if (any) {
            buckets.get(project).put(bucket, rollup);
            return rollup;
        }
        buckets.get(project).remove(bucket);
        return null;
    }

    private List<ProjectRollup> parts(List<String> projects) {
        return projects.stream().map(merged::get).toList();
    }

    private ProgramResult fresh(List<String> projects) {
        List<ProjectRollup> folded = new ArrayList<>();
        for (String project : projects) {
            ProjectRollup rollup = new ProjectRollup(settings);
            issues.values().stream().filter(issue -> issue.projectKey().equals(project)).forEach(rollup::accept);
            folded.add(rollup);
        }
        return RollupEngine.rollUp(settings, folded);
    }

    private static long id(ProgramIssue issue) {
        return Long.parseLong(issue.key().substring(2));
    }

    /** Most edits change one thing: a status, points, a summary. */
    private ProgramIssue small(ProgramIssue was) {
        StatusCategory status = StatusCategory.values()[random.nextInt(3)];
        return new ProgramIssue(was.key(), random.nextBoolean() ? was.summary() : "renamed " + random.nextInt(3),
                was.projectKey(), was.kind(), status, was.parentKey(), was.created(),
                status.isDone() ? Optional.of(TestIssue.TODAY.minusWeeks(random.nextInt(8))) : Optional.empty(),
                was.due(), points(), was.originalEstimateSeconds(), was.fixVersions(), was.valueScore(), was.themeIds(),
                was.subtaskCount(), was.blocks(), was.blockedBy(), was.valueModel());
    }

    private ProgramIssue randomIssue(long id) {
        int roll = random.nextInt(10);
        IssueKind kind = roll == 0 ? IssueKind.EPIC : roll == 1 ? IssueKind.SUBTASK : IssueKind.STANDARD;
        StatusCategory status = StatusCategory.values()[random.nextInt(3)];
        Optional<String> parent = kind != IssueKind.SUBTASK && (kind == IssueKind.EPIC || random.nextInt(5) == 0)
                ? Optional.empty() : Optional.of(other(id, kind == IssueKind.SUBTASK ? 1 : 10));
        List<String> themes = random.nextInt(3) == 0 ? List.of(THEMES.get(random.nextInt(3))) : List.of();
        List<String> blocks = random.nextInt(4) == 0 ? List.of(other(id, 1)) : List.of();
        List<String> blockedBy = random.nextInt(8) == 0 ? List.of(other(id, 1)) : List.of();
        LocalDate created = TestIssue.TODAY.minusWeeks(random.nextInt(20));
        return new ProgramIssue("K-" + id, "issue " + id, PROJECTS.get(random.nextInt(3)), kind, status, parent,
                created,
                status.isDone() && random.nextBoolean() ? Optional.of(TestIssue.TODAY.minusWeeks(random.nextInt(8)))
                        : Optional.empty(),
                random.nextBoolean() ? Optional.of(TestIssue.TODAY.plusDays(random.nextInt(120) - 30))
                        : Optional.empty(),
                points(), random.nextBoolean() ? Optional.of(3600L * random.nextInt(9)) : Optional.empty(),
                random.nextInt(3) == 0 ? List.of("1." + random.nextInt(3)) : List.of(),
                random.nextBoolean() ? Optional.of(new BigDecimal(random.nextInt(50) + "." + random.nextInt(100)))
                        : Optional.empty(),
                themes, kind == IssueKind.STANDARD ? random.nextInt(2) : 0, blocks, blockedBy,
                Optional.of(random.nextBoolean() ? "RICE" : "WSJF"));
    }

    /** Another issue's key, a multiple of {@code step} (parents gather children). */
    private String other(long id, int step) {
        long other;
        do {
            other = (1 + random.nextInt((int) Math.max(nextId, 300))) / step * step;
        }
        while (other == id);
        return "K-" + other;
    }

    /** Points of different scales: sums must keep the scale a fresh fold gives. */
    private Optional<Double> points() {
        int roll = random.nextInt(4);
        return roll == 0 ? Optional.empty() : Optional.of(roll == 1 ? 3.0 : roll == 2 ? 0.5 : 1.25);
    }

}
