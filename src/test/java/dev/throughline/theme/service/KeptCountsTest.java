package dev.throughline.theme.service;

import dev.throughline.coordination.SharedSiteRevisions;
import dev.throughline.coordination.SiteRevisions;
import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.Jql;
import dev.throughline.jira.JiraIssue;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.PropertyChange;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.support.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When a warm theme view asks Jira "theme work outside the projects held?" again, counted
 * on a client that answers 0: a kept answer makes no Jira call; an event that may have
 * changed it (on any instance: the revision is shared), the cache time, a refresh and the
 * settling minute after a change each make the view ask.
 */
class KeptCountsTest {

    private static final Jql OUTSIDE = Jql.propertyIsNotEmpty("throughline.themes", "themeIds");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

    private final JiraClient jira = mock(JiraClient.class);

    private final SiteRevisions revisions = SiteRevisions.inMemory();

    private final KeptCounts counts = new KeptCounts(clock, Duration.ofMinutes(10));

    private final IssueFactsStore store = new MemoryIssueFacts();

    private final IssueEvents events = new IssueEvents(store, new MemoryPropertyEventTimes(), revisions);

    KeptCountsTest() {
        when(jira.approximateCount(any())).thenReturn(0L);
    }

    /** One view's count, as {@code ThemeProgressService} asks it. */
    private long view(boolean refresh) {
        Optional<Long> revision = revisions.of("site").map(r -> r.getOrDefault(ProjectIssues.UNHELD_REVISION, 0L));
        ToLongFunction<Jql> count = counts.counter(jira, "site", revision, refresh);
        return count.applyAsLong(OUTSIDE);
    }

    @Test
    void aKeptAnswerMakesNoJiraCall() {
        view(false);
        clock.move(Duration.ofMinutes(9));
        view(false);
        view(false);
        verify(jira, times(1)).approximateCount(any());

        view(true);
        verify(jira, times(2)).approximateCount(any());

        clock.move(Duration.ofMinutes(11));
        view(false);
        view(false);
        verify(jira, times(3)).approximateCount(any());
    }

    @Test
    void anIssueEventInAProjectNotHeldDropsIt() {
        view(false);
        // a story created under a linked epic in PLAT, which the read model does not hold
        events.changed("site", new JiraIssue("10001", "PLAT-1", IssueFields.of(Map.of()), Map.of()));

        view(false);
        verify(jira, times(2)).approximateCount(any());
        // asked within the minute after the event: Jira's index may not show it yet
        view(false);
        verify(jira, times(3)).approximateCount(any());

        clock.move(Duration.ofMinutes(2));
        view(false);
        view(false);
        verify(jira, times(4)).approximateCount(any());
    }

    @Test
    void aThemeLinkEventOneInstanceReceivesDropsTheOthersAnswer() {
        // two instances over one database: A receives the event, B keeps an answer
        SharedSiteRevisions db = new SharedSiteRevisions();
        IssueEvents eventsOnA = new IssueEvents(store, new MemoryPropertyEventTimes(), db.instance());
        SiteRevisions revisionsOnB = db.instance();
        KeptCounts countsOnB = new KeptCounts(clock, Duration.ofMinutes(10));
        Runnable viewOnB = () -> countsOnB
            .counter(jira, "site", revisionsOnB.of("site").map(r -> r.getOrDefault(ProjectIssues.UNHELD_REVISION, 0L)),
                    false)
            .applyAsLong(OUTSIDE);
        viewOnB.run();
        viewOnB.run();
        verify(jira, times(1)).approximateCount(any());

        // a theme linked in PLAT, which the read model does not hold, by another tool
        eventsOnA.propertyChanged("site", new PropertyChange(10002, "PLAT-2", Optional.of("PLAT"), "throughline.themes",
                false, true, Optional.of(Map.of("themeIds", List.of("t1"))), Optional.empty()));

        viewOnB.run();
        verify(jira, times(2)).approximateCount(any());
    }

    @Test
    void anAnswerAboveZeroOrWithoutTheDatabaseIsNotKept() {
        when(jira.approximateCount(any())).thenReturn(3L);
        assertThat(view(false)).isEqualTo(3);
        assertThat(view(false)).isEqualTo(3);
        verify(jira, times(2)).approximateCount(any());

        when(jira.approximateCount(any())).thenReturn(0L);
        counts.counter(jira, "site", Optional.empty(), false).applyAsLong(OUTSIDE);
        counts.counter(jira, "site", Optional.empty(), false).applyAsLong(OUTSIDE);
        verify(jira, times(4)).approximateCount(any());
    }

}
