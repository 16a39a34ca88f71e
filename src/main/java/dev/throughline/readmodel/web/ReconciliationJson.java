package dev.throughline.readmodel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.throughline.readmodel.service.Reconciliation;
import dev.throughline.readmodel.service.ReconciliationSchedule;

import java.util.List;

/**
 * The read model's reconciliation as a site admin sees it: when it last ran and what it
 * repaired, when it runs next.
 *
 * @param lastRun absent until the first run on this instance
 * @param refreshed issues re-read because they changed since the last sync (missed
 * edits), or because Jira counts another number of issues with a Throughline property
 * @param removed issues Jira no longer has in a held project (missed deletions or moves)
 * @param recounted projects whose issue count differed from Jira's, so their ids were
 * read
 * @param reread refined programs whose matching ids were read again (Jira's count of
 * their JQL differed)
 * @param waiting why the due run waits (its background budget refused it), e.g. "Jira
 * quota reached (jira-quota-tenant-based) until 15:00 UTC"; absent while it does not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReconciliationJson(String lastRun, Integer projects, Integer refreshed, Integer removed, List<String> recounted,
        List<String> reread, String nextRun, String every, String lastFailure, String waiting) {

    static ReconciliationJson of(ReconciliationSchedule.Status status) {
        Reconciliation.Report last = status.last().orElse(null);
        return new ReconciliationJson(last == null ? null : last.ranAt().toString(),
                last == null ? null : last.projects(), last == null ? null : last.refreshed(),
                last == null ? null : last.removed(), last == null ? null : last.recounted(),
                last == null ? null : last.reread(), status.next().toString(), status.every().toString(),
                status.lastFailure().orElse(null), status.waiting().orElse(null));
    }

}
