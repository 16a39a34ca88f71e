package dev.throughline.readmodel;

import dev.throughline.jira.JiraClient;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read model as other features use it for whole projects: the facts of every issue of
 * a project, read from Jira only when the read model does not hold them fresh (first
 * read, refresh by {@code updated}, issues events named), so a view of a warm project
 * costs no search.
 */
public interface ProjectIssues {

    /**
     * The site's revision ({@code coordination.SiteRevisions}) bumped by whatever may put
     * theme work, or a child of linked work, in a project the read model does not hold:
     * an issue event in such a project, any theme-link property event, a theme link
     * Throughline wrote on an issue not held, a reconciliation run. A reader that kept
     * Jira's answer "none outside the projects held" keeps it only at one revision.
     */
    String UNHELD_REVISION = "readmodel.unheld";

    /**
     * Every issue of the project the read model holds, synced first when needed. The
     * app's view: the caller checks what its viewer may browse.
     */
    List<IssueFacts> of(JiraClient client, String siteKey, String projectKey);

    /**
     * Every issue of these projects the read model holds, each project synced first when
     * needed (read in full the first time, then refreshed by what changed), all under one
     * search per kind of read. The app's view, as {@link #of}.
     */
    List<IssueFacts> of(JiraClient client, String siteKey, Collection<String> projectKeys);

    /**
     * Syncs these projects as {@link #of} does, answering nothing: a reader that wants
     * only some of their issues streams them afterwards ({@link #forEachThemed},
     * {@link #forEachChildOf}).
     */
    void sync(JiraClient client, String siteKey, Collection<String> projectKeys);

    /**
     * Reads these projects in full again (the viewer asked to: what another tool wrote
     * into issue properties changes no {@code updated}, so only a full read sees it).
     */
    void reread(JiraClient client, String siteKey, Collection<String> projectKeys);

    /**
     * Every issue the read model holds for these projects that carries theme links,
     * handed over one at a time as it is read (no Jira call: {@link #sync} first).
     */
    void forEachThemed(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink);

    /**
     * Every issue the read model holds for these projects whose parent is one of
     * {@code parents}, handed over one at a time as it is read (no Jira call).
     */
    void forEachChildOf(String siteKey, Collection<String> projectKeys, ParentSet parents, Consumer<IssueFacts> sink);

    /**
     * The revisions of these projects' parts as the shared database holds them (no row
     * read, no Jira call): what a reader kept from their rows is still valid for a part
     * whose revision is unchanged. Empty when the store keeps none.
     */
    default Optional<FoldRevisions> revisions(String siteKey, Collection<String> projectKeys) {
        return Optional.empty();
    }

    /**
     * Every issue the read model holds in these buckets of one project
     * ({@link FoldRevisions#bucketOf}), handed over one at a time (no Jira call).
     */
    void forEachIn(String siteKey, String projectKey, Collection<Integer> buckets, Consumer<IssueFacts> sink);

    /**
     * These issues are read again by key at their projects' next sync (Jira refused a
     * question naming one of them: it may be gone, and a key Jira no longer knows is a
     * deletion).
     */
    void readAgain(String siteKey, Collection<IssueFacts> issues);

    /** The projects of the site the read model holds (read in full at least once). */
    List<String> held(String siteKey);

    /**
     * Drops the projects held that Jira no longer has (deleted, or their key changed):
     * JQL naming one of them is refused, so they would fail every later sync.
     * @return the projects dropped
     */
    List<String> forgetGone(JiraClient client, String siteKey);

    /**
     * Throughline wrote these theme links of the issue directly (the search index may
     * lag, and property writes change no {@code updated}): the read model holds them from
     * now on, without a Jira call. Nothing happens for an issue the read model does not
     * hold.
     */
    void themesSeen(String siteKey, long issueId, ThemeLinks links);

    /**
     * Throughline read or wrote this score record of the issue directly (not through the
     * search index): the read model holds it from now on, without a Jira call. Nothing
     * happens for an issue the read model does not hold.
     */
    void valueSeen(String siteKey, long issueId, BigDecimal score, String model);

}
