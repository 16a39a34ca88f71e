package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.EventFields;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.RefinementCondition;
import dev.throughline.readmodel.RefinementCondition.Truth;
import dev.throughline.readmodel.RefinementParser;
import dev.throughline.sandbox.IssueOptions;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueStatus.StatusCategory;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.SandboxVersion;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.jql.JqlMatcher;
import dev.throughline.sandbox.jql.JqlParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refinement subset judged from issue events ({@link RefinementParser},
 * {@link EventFields}) against the sandbox's own JQL ({@link JqlMatcher}, written apart
 * from it) on every field of the subset: random refinements of {@code project},
 * {@code issuetype}/{@code type}, {@code status}, {@code statusCategory},
 * {@code priority}, {@code resolution} (names in random case, keys, ids), {@code labels},
 * {@code component} and {@code fixVersion} (names as written, ids; Jira's case rule for
 * these is not confirmed, and a name whose case differs leaves the event undecided);
 * every operator; AND, OR, NOT, parentheses; quoted and not, on every issue of a
 * generated site, as the sandbox serves it (empty fields included: unresolved issues,
 * issues without labels, components or fix version). Fixed seed.
 */
class RefinementDifferentialTest {

    private static final int REFINEMENTS = 300;

    @Test
    void everyEventVerdictEqualsTheSandboxsJql() {
        SandboxSite site = SandboxGenerator.generate(11, 4, 400);
        JiraSandbox sandbox = JiraSandbox.start(site);
        try {
            JiraClient client = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
            List<String> keys = site.projects().stream().map(SandboxProject::key).toList();
            List<String> fields = new ArrayList<>(FactsOf.fields(Optional.empty()));
            fields.addAll(List.of("priority", "resolution", "labels", "components"));
            Map<Long, JiraIssue> served = client.search(new SearchRequest(Jql.projectIn(keys), fields, List.of(), 100))
                .collect(Collectors.toMap(i -> Long.valueOf(i.id()), i -> i));
            assertThat(served).hasSize(site.issues().size());
            Random random = new Random(42);
            int matched = 0;
            for (int n = 0; n < REFINEMENTS; n++) {
                String refinement = clause(random, site, 3);
                RefinementCondition ours = RefinementParser.parse(refinement)
                    .orElseThrow(() -> new AssertionError("not read: " + refinement));
                Predicate<SandboxIssue> jira = JqlMatcher.filter(site, JqlParser.parse(refinement));
                for (SandboxIssue issue : site.issues()) {
                    Truth truth = ours.test(new EventFields(served.get(issue.id()).fields()));
                    assertThat(truth).as(refinement + " on " + issue.key()).isNotEqualTo(Truth.UNDECIDED);
                    assertThat(truth == Truth.TRUE).as(refinement + " on " + issue.key()).isEqualTo(jira.test(issue));
                    matched += truth == Truth.TRUE ? 1 : 0;
                }
            }
            int judged = REFINEMENTS * site.issues().size();
            assertThat(matched).as("both kinds of verdict are tried").isBetween(judged / 10, judged * 9 / 10);
        }
        finally {
            sandbox.stop();
        }
    }

    private static String clause(Random random, SandboxSite site, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return term(random, site);
        }
        return switch (random.nextInt(4)) {
            case 0 -> clause(random, site, depth - 1) + word(random, " AND ") + clause(random, site, depth - 1);
            case 1 -> clause(random, site, depth - 1) + word(random, " OR ") + clause(random, site, depth - 1);
            case 2 -> word(random, "NOT ") + clause(random, site, depth - 1);
            default -> "(" + clause(random, site, depth - 1) + ")";
        };
    }

    private static String term(Random random, SandboxSite site) {
        int field = random.nextInt(9);
        String name = switch (field) {
            case 0 -> "project";
            case 1 -> random.nextBoolean() ? "issuetype" : "type";
            case 2 -> "status";
            case 3 -> random.nextBoolean() ? "statusCategory" : "statuscategory";
            case 4 -> "priority";
            case 5 -> "resolution";
            case 6 -> "labels";
            case 7 -> "component";
            default -> random.nextBoolean() ? "fixVersion" : "fixversion";
        };
        return switch (random.nextInt(6)) {
            case 0 -> name + " = " + value(random, site, field);
            case 1 -> name + " != " + value(random, site, field);
            case 2 -> name + word(random, " in ") + list(random, site, field);
            case 3 -> name + word(random, " not in ") + list(random, site, field);
            case 4 -> name + word(random, " is empty");
            default -> name + word(random, " is not empty");
        };
    }

    private static String list(Random random, SandboxSite site, int field) {
        int size = 1 + random.nextInt(3);
        StringBuilder list = new StringBuilder("(");
        for (int i = 0; i < size; i++) {
            list.append(i == 0 ? "" : ", ").append(value(random, site, field));
        }
        return list.append(')').toString();
    }

    /** A name (in random case), key or id of a value the field has on the site. */
    private static String value(Random random, SandboxSite site, int field) {
        if (field >= 6) {
            return quoted(random, asWritten(random, site, field));
        }
        String text = switch (field) {
            case 0 -> {
                SandboxProject project = site.projects().get(random.nextInt(site.projects().size()));
                yield switch (random.nextInt(3)) {
                    case 0 -> project.key();
                    case 1 -> project.name();
                    default -> String.valueOf(project.id());
                };
            }
            case 1 -> {
                IssueType type = IssueType.values()[random.nextInt(IssueType.values().length)];
                yield random.nextBoolean() ? type.displayName() : type.id();
            }
            case 2 -> {
                IssueStatus status = IssueStatus.values()[random.nextInt(IssueStatus.values().length)];
                yield random.nextBoolean() ? status.displayName() : status.id();
            }
            case 3 -> {
                StatusCategory category = StatusCategory.values()[random.nextInt(StatusCategory.values().length)];
                yield switch (random.nextInt(3)) {
                    case 0 -> category.key();
                    case 1 -> category.displayName();
                    default -> String.valueOf(category.id());
                };
            }
            case 4 -> option(random, IssueOptions.PRIORITIES);
            default -> option(random, IssueOptions.RESOLUTIONS);
        };
        String cased = switch (random.nextInt(3)) {
            case 0 -> text.toLowerCase(Locale.ROOT);
            case 1 -> text.toUpperCase(Locale.ROOT);
            default -> text;
        };
        return quoted(random, cased);
    }

    /** A label, component or version as written (its name) or, but labels, its id. */
    private static String asWritten(Random random, SandboxSite site, int field) {
        return switch (field) {
            case 6 -> IssueOptions.LABELS.get(random.nextInt(IssueOptions.LABELS.size()));
            case 7 -> option(random, IssueOptions.COMPONENTS);
            default -> {
                SandboxVersion version = site.versions().get(random.nextInt(site.versions().size()));
                yield random.nextBoolean() ? version.name() : String.valueOf(version.id());
            }
        };
    }

    private static String option(Random random, List<IssueOptions.Option> options) {
        IssueOptions.Option option = options.get(random.nextInt(options.size()));
        return random.nextBoolean() ? option.name() : option.id();
    }

    private static String quoted(Random random, String text) {
        boolean plain = text.chars().allMatch(Character::isLetterOrDigit);
        return plain && random.nextBoolean() ? text : random.nextBoolean() ? '"' + text + '"' : "'" + text + "'";
    }

    private static String word(Random random, String keyword) {
        return random.nextBoolean() ? keyword : keyword.toLowerCase(Locale.ROOT);
    }

}
