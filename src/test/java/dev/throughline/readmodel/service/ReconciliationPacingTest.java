package dev.throughline.readmodel.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.pacing.BackgroundBudget;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.support.SettableClock;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A scheduled reconciliation is background work: it asks the budget first, and when
 * refused it makes no Jira call, says why it waits and runs when the budget said.
 */
class ReconciliationPacingTest {

    private static final Site SITE = new Site("site-a", URI.create("https://a.atlassian.net"));

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T14:05:00Z"));

    private final BackgroundBudget budget = mock(BackgroundBudget.class);

    private final JiraClients jira = mock(JiraClients.class);

    private final MemoryPropertyEventTimes times = new MemoryPropertyEventTimes();

    private final ReconciliationSchedule schedule = new ReconciliationSchedule(
            new IssueSync(new MemoryIssueFacts(), clock, Duration.ofMinutes(5)), jira, clock, Duration.ofHours(6),
            budget, Duration.ofSeconds(30), new StaticListableBeanFactory().getBeanProvider(RefinementSync.class),
            times, SiteRevisions.inMemory());

    @AfterEach
    void stop() {
        schedule.stop();
    }

    private ReconciliationSchedule.Status awaitStatus(Predicate<ReconciliationSchedule.Status> done)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            ReconciliationSchedule.Status status = schedule.status(SITE);
            if (done.test(status)) {
                return status;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("not reached: " + schedule.status(SITE));
    }

    @Test
    void aRefusedRunWaitsWithItsReasonAndRunsWhenTheBudgetAllows() throws Exception {
        Instant reset = Instant.parse("2026-03-02T21:00:00Z");
        when(budget.acquire(any(), anyLong(), any())).thenReturn(new BackgroundBudget.Decision(false,
                Optional.of(reset), "Jira quota reached (jira-quota-tenant-based)"));
        schedule.used(SITE); // the first use only starts the clock
        clock.move(Duration.ofHours(6));

        schedule.used(SITE);

        ReconciliationSchedule.Status waiting = awaitStatus(s -> s.waiting().isPresent());
        assertThat(waiting.waiting()).contains("Jira quota reached (jira-quota-tenant-based) until 21:00 UTC");
        assertThat(waiting.next()).isEqualTo(reset);
        assertThat(waiting.last()).isEmpty();
        verify(jira, never()).forSite(any());

        JiraClient client = mock(JiraClient.class);
        when(jira.forSite(SITE)).thenReturn(client);
        when(budget.acquire(any(), anyLong(), any()))
            .thenReturn(new BackgroundBudget.Decision(true, Optional.empty(), "granted"));
        clock.set(reset.minusSeconds(1));
        schedule.used(SITE);
        clock.set(reset);
        schedule.used(SITE);

        ReconciliationSchedule.Status ran = awaitStatus(s -> s.last().isPresent());
        assertThat(ran.waiting()).isEmpty();
        assertThat(ran.next()).isEqualTo(reset.plus(Duration.ofHours(6)));
        verify(jira).forSite(SITE);
    }

    @Test
    void theFirstUseStartsTheChangedRecordsWindowOnce() {
        Instant first = clock.instant();
        schedule.used(SITE);
        clock.move(Duration.ofMinutes(5));
        schedule.used(SITE);

        assertThat(times.last(SITE.clientKey(), 0, "throughline.reconciliation")).contains(first);
        verify(jira, never()).forSite(any());
    }

}
