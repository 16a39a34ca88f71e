package dev.throughline.program.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Terse issue fixtures: the project is the key's prefix ("A-1" is in project A). */
final class TestIssue {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 4); // a Wednesday
    static final LocalDate CURRENT_WEEK = LocalDate.of(2026, 3, 2); // its Monday
    static final LocalDate LONG_AGO = LocalDate.of(2025, 6, 2);

    private final String key;

    private String summary = "";

    private IssueKind kind;

    private StatusCategory status = StatusCategory.TODO;

    private String parent;

    private LocalDate created = LONG_AGO;

    private LocalDate resolved;

    private LocalDate due;

    private Double points;

    private Long estimate;

    private BigDecimal value;

    private String model;

    private final List<String> versions = new ArrayList<>();

    private final List<String> themes = new ArrayList<>();

    private int subtasks;

    private final List<String> blocks = new ArrayList<>();

    private final List<String> blockedBy = new ArrayList<>();

    private TestIssue(String key, IssueKind kind) {
        this.key = key;
        this.kind = kind;
    }

    static TestIssue story(String key) {
        return new TestIssue(key, IssueKind.STANDARD);
    }

    static TestIssue epic(String key) {
        return new TestIssue(key, IssueKind.EPIC);
    }

    static TestIssue subtask(String key, String parent) {
        return new TestIssue(key, IssueKind.SUBTASK).parent(parent);
    }

    TestIssue summary(String text) {
        this.summary = text;
        return this;
    }

    TestIssue parent(String parentKey) {
        this.parent = parentKey;
        return this;
    }

    TestIssue inProgress() {
        this.status = StatusCategory.IN_PROGRESS;
        return this;
    }

    TestIssue done() {
        return doneOn(TODAY);
    }

    TestIssue doneOn(LocalDate date) {
        this.status = StatusCategory.DONE;
        this.resolved = date;
        return this;
    }

    TestIssue created(LocalDate date) {
        this.created = date;
        return this;
    }

    TestIssue due(LocalDate date) {
        this.due = date;
        return this;
    }

    TestIssue points(double storyPoints) {
        this.points = storyPoints;
        return this;
    }

    TestIssue estimateHours(long hours) {
        this.estimate = hours * 3600;
        return this;
    }

    TestIssue value(String score) {
        this.value = new BigDecimal(score);
        return this;
    }

    TestIssue value(String score, String modelId) {
        this.model = modelId;
        return value(score);
    }

    TestIssue versions(String... names) {
        versions.addAll(List.of(names));
        return this;
    }

    TestIssue themes(String... ids) {
        themes.addAll(List.of(ids));
        return this;
    }

    TestIssue subtasks(int count) {
        this.subtasks = count;
        return this;
    }

    TestIssue blocks(String... keys) {
        blocks.addAll(List.of(keys));
        return this;
    }

    TestIssue blockedBy(String... keys) {
        blockedBy.addAll(List.of(keys));
        return this;
    }

    ProgramIssue build() {
        return new ProgramIssue(key, summary, key.substring(0, key.indexOf('-')), kind, status,
                Optional.ofNullable(parent), created, Optional.ofNullable(resolved), Optional.ofNullable(due),
                Optional.ofNullable(points), Optional.ofNullable(estimate), versions, Optional.ofNullable(value),
                themes, subtasks, blocks, blockedBy, Optional.ofNullable(model));
    }

    static List<ProgramIssue> all(TestIssue... issues) {
        List<ProgramIssue> built = new ArrayList<>();
        for (TestIssue issue : issues) {
            built.add(issue.build());
        }
        return built;
    }

    static RollupSettings settings() {
        return RollupSettings.defaults(TODAY);
    }

    static ProgramResult rollUp(RollupSettings settings, TestIssue... issues) {
        return RollupEngine.rollUpIssues(settings, all(issues));
    }

    static ProgramResult rollUp(TestIssue... issues) {
        return rollUp(settings(), issues);
    }

}
