package dev.throughline.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds a deterministic site from a seed: the same (seed, projects, issues, now) always
 * yields the same site. Issues are created over the six months before "now"; older issues
 * are more likely done.
 */
public final class SandboxGenerator {

    static final long FIRST_PROJECT_ID = 10000;
    static final long FIRST_ISSUE_ID = 10001;
    static final long FIRST_BOARD_ID = 1;

    private static final Duration HISTORY = Duration.ofDays(182);

    private static final String[] DEMO_PROJECTS = { "WEB", "MOB", "PLAT" };

    private static final String[] DEMO_NAMES = { "Acme Web Shop", "Acme Mobile", "Acme Platform" };

    private static final double[] FIBONACCI = { 1, 2, 3, 5, 8, 13 };

    private final SplittableRandom random;

    private final Instant now;

    private SandboxGenerator(long seed, Instant now) {
        this.random = new SplittableRandom(seed);
        this.now = now;
    }

    /** Acme, a demo company: 3 projects, 400 issues over six months, seed 42. */
    public static SandboxSite demo() {
        return generate(42, 3, 400);
    }

    /**
     * Acme with empty projects of the given keys added (no issues, boards or versions),
     * e.g. for a program over hundreds of projects that must exist.
     */
    public static SandboxSite demoWithEmptyProjects(List<String> keys) {
        SandboxSite demo = demo();
        List<SandboxProject> projects = new ArrayList<>(demo.projects());
        for (int i = 0; i < keys.size(); i++) {
            projects.add(new SandboxProject(FIRST_PROJECT_ID + 1000 + i, keys.get(i), "Empty " + keys.get(i)));
        }
        List<Long> rankOrder = demo.issues()
            .stream()
            .map(SandboxIssue::id)
            .sorted(Comparator.comparingInt(demo::rankPosition))
            .toList();
        return new SandboxSite(demo.now(), projects, demo.versions(), demo.boards(), demo.issues(), demo.links(),
                rankOrder, demo.users());
    }

    public static SandboxSite generate(long seed, int projects, int issues) {
        return generate(seed, projects, issues, SandboxSite.DEFAULT_NOW);
    }

    public static SandboxSite generate(long seed, int projects, int issues, Instant now) {
        if (projects < 1 || projects > 500)
            throw new IllegalArgumentException("projects must be 1..500");
        if (issues < projects || issues > 2_000_000)
            throw new IllegalArgumentException("issues must be projects..2,000,000");
        int[] shares = new int[projects];
        for (int p = 0; p < projects; p++)
            shares[p] = issues / projects + (p < issues % projects ? 1 : 0);
        return new SandboxGenerator(seed, now).build(shares);
    }

    /**
     * A site whose projects hold the given numbers of issues (e.g. one project much
     * larger than the others).
     */
    public static SandboxSite generate(long seed, int... issuesPerProject) {
        if (issuesPerProject.length < 1 || issuesPerProject.length > 500)
            throw new IllegalArgumentException("projects must be 1..500");
        long total = 0;
        for (int share : issuesPerProject) {
            if (share < 1)
                throw new IllegalArgumentException("every project needs at least one issue");
            total += share;
        }
        if (total > 2_000_000)
            throw new IllegalArgumentException("issues must be at most 2,000,000");
        return new SandboxGenerator(seed, SandboxSite.DEFAULT_NOW).build(issuesPerProject.clone());
    }

    private SandboxSite build(int[] shares) {
        int projectCount = shares.length;
        long issueCount = Arrays.stream(shares).asLongStream().sum();
        List<SandboxProject> projects = new ArrayList<>();
        List<SandboxVersion> versions = new ArrayList<>();
        List<SandboxBoard> boards = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            SandboxProject project = project(p);
            projects.add(project);
            versions.addAll(versionsOf(project, p));
            boards.add(new SandboxBoard(FIRST_BOARD_ID + p, project.key() + " board", project.id()));
        }
        List<SandboxIssue> issues = new ArrayList<>((int) issueCount);
        for (int p = 0; p < projectCount; p++) {
            int share = shares[p];
            long projectId = projects.get(p).id();
            List<SandboxVersion> projectVersions = versions.stream().filter(v -> v.projectId() == projectId).toList();
            new ProjectIssues(projects.get(p), projectVersions, issues).generate(share);
        }
        List<IssueLink> links = links(issues);
        List<Long> rankOrder = rankOrder(issues);
        List<SandboxUser> users = List.of(new SandboxUser(SandboxSite.ADMIN, "Site Admin"),
                new SandboxUser("5b10a2844c20165700ede21g", "Alana Grant"),
                new SandboxUser("5b10ac8d82e05b22cc7d4ef5", "Mia Krystof"),
                new SandboxUser("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", "Emma Richards"));
        return new SandboxSite(now, projects, versions, boards, issues, links, rankOrder, users);
    }

    private SandboxProject project(int p) {
        if (p < DEMO_PROJECTS.length)
            return new SandboxProject(FIRST_PROJECT_ID + p, DEMO_PROJECTS[p], DEMO_NAMES[p]);
        String key = "P" + p;
        return new SandboxProject(FIRST_PROJECT_ID + p, key, "Project " + p);
    }

    private List<SandboxVersion> versionsOf(SandboxProject project, int p) {
        List<SandboxVersion> list = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int v = 0; v < 4; v++) {
            LocalDate release = today.minusDays(150 - 50L * v);
            list.add(new SandboxVersion(20000 + p * 10L + v, project.id(), "1." + v, !release.isAfter(today), release));
        }
        return list;
    }

    /**
     * Generates one project's issues in creation order, so keys increase with created.
     */
    private final class ProjectIssues {

        private final SandboxProject project;

        private final List<SandboxVersion> versions;

        private final List<SandboxIssue> site;

        private final List<Long> epics = new ArrayList<>();

        private final List<Long> recentStandard = new ArrayList<>();

        ProjectIssues(SandboxProject project, List<SandboxVersion> versions, List<SandboxIssue> site) {
            this.project = project;
            this.versions = versions;
            this.site = site;
        }

        void generate(int count) {
            long start = now.minus(HISTORY).getEpochSecond();
            long span = HISTORY.getSeconds();
            for (int n = 0; n < count; n++) {
                long created = start + (long) ((n + random.nextDouble()) / count * span);
                IssueType type = pickType(n);
                long parent = pickParent(type);
                SandboxIssue issue = issue(site.size(), n + 1, type, parent, created,
                        (double) (created - start) / span);
                site.add(issue);
                if (type == IssueType.EPIC)
                    epics.add(issue.id());
                if (type.standard()) {
                    recentStandard.add(issue.id());
                    if (recentStandard.size() > 40)
                        recentStandard.remove(0);
                }
            }
        }

        private IssueType pickType(int n) {
            if (n == 0)
                return IssueType.EPIC; // every project has at least one epic
            double r = random.nextDouble();
            if (r < 0.06)
                return IssueType.EPIC;
            if (r < 0.44)
                return IssueType.STORY;
            if (r < 0.64)
                return IssueType.TASK;
            if (r < 0.78)
                return IssueType.BUG;
            return recentStandard.isEmpty() ? IssueType.STORY : IssueType.SUBTASK;
        }

        private long pickParent(IssueType type) {
            if (type == IssueType.SUBTASK)
                return recentStandard.get(random.nextInt(recentStandard.size()));
            if (type.standard() && !epics.isEmpty() && random.nextDouble() < 0.65) {
                int recent = Math.min(epics.size(), 8); // stories join one of the recent
                                                        // epics
                return epics.get(epics.size() - 1 - random.nextInt(recent));
            }
            return 0;
        }

        private SandboxIssue issue(int index, int number, IssueType type, long parent, long created, double age) {
            long nowSecond = now.getEpochSecond();
            // age 0 = oldest; old work is mostly done, recent work mostly open
            double pDone = 0.85 - 0.75 * age;
            double r = random.nextDouble();
            IssueStatus status = r < pDone ? IssueStatus.DONE
                    : r < pDone + (1 - pDone) * 0.35 ? IssueStatus.IN_PROGRESS : IssueStatus.TO_DO;
            long resolved = status.done() ? created + (long) (random.nextDouble() * (nowSecond - created)) : 0;
            long lastChange = Math.max(created, resolved);
            long updated = lastChange + (long) (random.nextDouble() * 0.2 * (nowSecond - lastChange));
            double points = type.standard() && random.nextDouble() < 0.7 ? FIBONACCI[random.nextInt(FIBONACCI.length)]
                    : Double.NaN;
            int estimate = type != IssueType.EPIC && random.nextDouble() < 0.3 ? 3600 * (1 + random.nextInt(24)) : 0;
            int due = random.nextDouble() < 0.25
                    ? (int) (LocalDate.ofInstant(Instant.ofEpochSecond(created), ZoneOffset.UTC).toEpochDay() + 7
                            + random.nextInt(60))
                    : SandboxIssue.NO_DUE_DATE;
            long fixVersion = type.standard() && random.nextDouble() < 0.35
                    ? versions.get(random.nextInt(versions.size())).id() : 0;
            return new SandboxIssue(FIRST_ISSUE_ID + index, project.key() + "-" + number, project.id(), type, status,
                    parent, random.nextInt(1 << 20), points, created, updated, resolved, estimate, due, fixVersion);
        }

    }

    /**
     * About one "blocks" link per 8 issues (a quarter across projects) and one "relates"
     * per 20.
     */
    private List<IssueLink> links(List<SandboxIssue> issues) {
        List<IssueLink> links = new ArrayList<>();
        Set<Long> pairs = new HashSet<>();
        int size = issues.size();
        long linkId = 10001;
        int wanted = size / 8 + size / 20;
        for (int attempt = 0; links.size() < wanted && attempt < wanted * 4; attempt++) {
            boolean blocks = links.size() < size / 8;
            SandboxIssue source = issues.get(random.nextInt(size));
            SandboxIssue target = blocks && random.nextDouble() >= 0.25 ? nearbyInProject(issues, source)
                    : issues.get(random.nextInt(size));
            if (target == null || source.id() == target.id() || source.type() == IssueType.SUBTASK)
                continue;
            long pair = Math.min(source.id(), target.id()) * 4_000_000L + Math.max(source.id(), target.id());
            if (!pairs.add(pair))
                continue;
            links.add(new IssueLink(linkId++, blocks ? LinkType.BLOCKS : LinkType.RELATES, source.id(), target.id()));
        }
        return links;
    }

    private SandboxIssue nearbyInProject(List<SandboxIssue> issues, SandboxIssue source) {
        int index = (int) (source.id() - FIRST_ISSUE_ID) + 1 + random.nextInt(30);
        if (index >= issues.size())
            return null;
        SandboxIssue target = issues.get(index);
        return target.projectId() == source.projectId() ? target : null;
    }

    /**
     * Initial rank: roughly creation order with local shuffles, as teams re-prioritise
     * the top of the backlog.
     */
    private List<Long> rankOrder(List<SandboxIssue> issues) {
        List<Long> order = new ArrayList<>(issues.size());
        for (SandboxIssue issue : issues)
            order.add(issue.id());
        for (int i = order.size() - 1; i > 0; i--) {
            int j = Math.max(0, i - random.nextInt(25));
            Long tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        return order;
    }

}
