package dev.throughline.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxGeneratorTest {

    private final SandboxSite demo = SandboxGenerator.demo();

    @Test
    void sameSeedGeneratesTheSameSite() {
        SandboxSite a = SandboxGenerator.generate(7, 3, 1000);
        SandboxSite b = SandboxGenerator.generate(7, 3, 1000);
        assertThat(a.issues()).isEqualTo(b.issues());
        assertThat(a.links()).isEqualTo(b.links());
        assertThat(a.backlog(1)).isEqualTo(b.backlog(1));
    }

    @Test
    void differentSeedsGenerateDifferentSites() {
        assertThat(SandboxGenerator.generate(7, 3, 1000).issues())
            .isNotEqualTo(SandboxGenerator.generate(8, 3, 1000).issues());
    }

    @Test
    void demoIsAThreeProjectCompanyWithFourHundredIssuesAndOneScrumBoardEach() {
        assertThat(demo.projects()).extracting(SandboxProject::key).containsExactly("WEB", "MOB", "PLAT");
        assertThat(demo.issues()).hasSize(400);
        assertThat(demo.boards()).hasSize(3);
        assertThat(demo.users()).extracting(SandboxUser::accountId).contains(SandboxSite.ADMIN);
    }

    @Test
    void everyStatusCategoryAndIssueTypeOccurs() {
        assertThat(demo.issues().stream().map(i -> i.status().category()).collect(Collectors.toSet()))
            .containsExactlyInAnyOrder(IssueStatus.StatusCategory.values());
        assertThat(demo.issues().stream().map(SandboxIssue::type).collect(Collectors.toSet()))
            .isEqualTo(EnumSet.allOf(IssueType.class));
    }

    @Test
    void epicsHaveChildrenAndSubTasksHaveStandardParentsInTheirProject() {
        long epicsWithChildren = demo.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && !demo.children(i.id()).isEmpty())
            .count();
        assertThat(epicsWithChildren).isGreaterThanOrEqualTo(3);
        for (SandboxIssue issue : demo.issues()) {
            if (!issue.hasParent())
                continue;
            SandboxIssue parent = demo.issueById(issue.parentId()).orElseThrow();
            assertThat(parent.projectId()).isEqualTo(issue.projectId());
            if (issue.type() == IssueType.SUBTASK)
                assertThat(parent.type().standard()).isTrue();
            else
                assertThat(parent.type()).isEqualTo(IssueType.EPIC);
        }
    }

    @Test
    void blocksLinksExistInsideAndAcrossProjects() {
        List<IssueLink> blocks = demo.links().stream().filter(l -> l.type().equals(LinkType.BLOCKS)).toList();
        long across = blocks.stream().filter(l -> projectOf(l.sourceIssueId()) != projectOf(l.targetIssueId())).count();
        assertThat(across).isPositive();
        assertThat(blocks.size() - across).isPositive();
        assertThat(demo.links()).anyMatch(l -> l.type().equals(LinkType.RELATES));
    }

    @Test
    void resolutionDatesOnlyOnDoneIssuesAndCreationSpreadOverSixMonthsBeforeNow() {
        Instant now = demo.now();
        assertThat(now).isEqualTo(SandboxSite.DEFAULT_NOW);
        for (SandboxIssue issue : demo.issues()) {
            assertThat(issue.resolved() != null).isEqualTo(issue.status().done());
            assertThat(issue.created()).isBetween(now.minus(Duration.ofDays(183)), now);
            assertThat(issue.updated()).isBeforeOrEqualTo(now);
        }
        Set<Integer> months = demo.issues()
            .stream()
            .map(i -> i.created().atZone(ZoneOffset.UTC).getMonthValue())
            .collect(Collectors.toSet());
        assertThat(months).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void optionalFieldsAreSetOnSomeIssuesOnly() {
        List<SandboxIssue> issues = demo.issues();
        assertThat(issues).anyMatch(i -> i.storyPointEstimate().isPresent())
            .anyMatch(i -> i.storyPointEstimate().isEmpty());
        assertThat(issues).anyMatch(i -> i.originalEstimateSeconds() > 0)
            .anyMatch(i -> i.originalEstimateSeconds() == 0);
        assertThat(issues).anyMatch(i -> i.dueDate() != null).anyMatch(i -> i.dueDate() == null);
        assertThat(issues).anyMatch(i -> i.fixVersionId() != 0).anyMatch(i -> i.fixVersionId() == 0);
    }

    @Test
    void keysIncreaseWithCreationWithinAProject() {
        List<SandboxIssue> web = demo.issues().stream().filter(i -> i.projectKey().equals("WEB")).toList();
        for (int n = 1; n < web.size(); n++) {
            assertThat(web.get(n).keyNumber()).isEqualTo(web.get(n - 1).keyNumber() + 1);
            assertThat(web.get(n).created()).isAfterOrEqualTo(web.get(n - 1).created());
        }
    }

    @Test
    void configurableNowShiftsAllDates() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        SandboxSite site = SandboxGenerator.generate(1, 2, 200, now);
        assertThat(site.now()).isEqualTo(now);
        assertThat(site.issues()).allMatch(i -> i.created().isAfter(now.minus(Duration.ofDays(183))));
    }

    private long projectOf(long issueId) {
        return demo.issueById(issueId).orElseThrow().projectId();
    }

}
