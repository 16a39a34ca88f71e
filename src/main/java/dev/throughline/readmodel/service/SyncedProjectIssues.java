package dev.throughline.readmodel.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.jira.JiraClient;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore.Dirty;
import dev.throughline.readmodel.ParentSet;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.SyncPlan;
import dev.throughline.readmodel.ThemeLinks;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ProjectIssues} over {@link IssueSync}: a project is read in full the first time,
 * then refreshed by what changed once its sync is older than {@code maxAge} (as program
 * rollups do), and the issues events named without facts are read again by key. A page
 * view waits for it, so it is not paced as background work.
 */
final class SyncedProjectIssues implements ProjectIssues {

    private final IssueSync sync;

    private final Duration maxAge;

    private final SiteRevisions revisions;

    /** With the unheld revisions in memory (tests, one instance). */
    SyncedProjectIssues(IssueSync sync, Duration maxAge) {
        this(sync, maxAge, SiteRevisions.inMemory());
    }

    /**
     * @param revisions where a theme link written on an issue not held bumps
     * {@link ProjectIssues#UNHELD_REVISION}
     */
    SyncedProjectIssues(IssueSync sync, Duration maxAge, SiteRevisions revisions) {
        this.sync = sync;
        this.maxAge = maxAge;
        this.revisions = revisions;
    }

    @Override
    public List<IssueFacts> of(JiraClient client, String siteKey, String projectKey) {
        return of(client, siteKey, List.of(projectKey));
    }

    @Override
    public List<IssueFacts> of(JiraClient client, String siteKey, Collection<String> projectKeys) {
        List<String> projects = List.copyOf(new LinkedHashSet<>(projectKeys));
        sync(client, siteKey, projects, false);
        List<IssueFacts> facts = new ArrayList<>();
        sync.store().forEach(siteKey, projects, facts::add);
        return facts;
    }

    @Override
    public void sync(JiraClient client, String siteKey, Collection<String> projectKeys) {
        sync(client, siteKey, projectKeys, false);
    }

    @Override
    public void reread(JiraClient client, String siteKey, Collection<String> projectKeys) {
        sync(client, siteKey, projectKeys, true);
    }

    @Override
    public void forEachThemed(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink) {
        sync.store().forEachThemed(siteKey, projectKeys, sink);
    }

    @Override
    public void forEachChildOf(String siteKey, Collection<String> projectKeys, ParentSet parents,
            Consumer<IssueFacts> sink) {
        if (!parents.isEmpty()) {
            sync.store().forEachChildOf(siteKey, projectKeys, parents, sink);
        }
    }

    @Override
    public Optional<FoldRevisions> revisions(String siteKey, Collection<String> projectKeys) {
        return sync.store().revisions(siteKey, projectKeys);
    }

    @Override
    public void forEachIn(String siteKey, String projectKey, Collection<Integer> buckets, Consumer<IssueFacts> sink) {
        if (!buckets.isEmpty()) {
            sync.store().forEachIn(siteKey, projectKey, buckets, sink);
        }
    }

    private void sync(JiraClient client, String siteKey, Collection<String> projectKeys, boolean inFull) {
        List<String> projects = List.copyOf(new LinkedHashSet<>(projectKeys));
        if (projects.isEmpty()) {
            return;
        }
        Optional<String> pointsField = client.storyPointsFieldId();
        if (inFull || !sync.plan(siteKey, projects, pointsField, false, maxAge).nothingToRead()) {
            sync.exclusive(siteKey, projects, () -> {
                // planned again under the lock: another instance may have read it
                // meanwhile
                if (inFull) {
                    // a refresh by `updated` would miss property writes of other tools
                    sync.readInFull(client, siteKey, projects, pointsField);
                    return 0;
                }
                SyncPlan plan = sync.plan(siteKey, projects, pointsField, false, maxAge);
                if (!plan.cold().isEmpty()) {
                    sync.readInFull(client, siteKey, plan.cold(), pointsField);
                }
                return sync.refresh(client, siteKey, plan, pointsField);
            });
        }
    }

    @Override
    public void readAgain(String siteKey, Collection<IssueFacts> issues) {
        issues.forEach(f -> sync.store().markDirty(siteKey, new Dirty(f.id(), f.key(), f.projectKey())));
    }

    @Override
    public List<String> held(String siteKey) {
        return sync.store().projects(siteKey);
    }

    @Override
    public List<String> forgetGone(JiraClient client, String siteKey) {
        List<String> held = held(siteKey);
        if (held.isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        client.projects(held).forEach(project -> known.add(project.key()));
        List<String> gone = held.stream().filter(key -> !known.contains(key)).toList();
        sync.store().forget(siteKey, gone);
        return gone;
    }

    @Override
    public void themesSeen(String siteKey, long issueId, ThemeLinks links) {
        Optional<IssueFacts> held = sync.store().byId(siteKey, issueId);
        if (held.isEmpty()) {
            // linked work outside the projects held, which only a count finds
            revisions.bump(siteKey, UNHELD_REVISION);
        }
        held.filter(h -> !h.themeIds().equals(links.themeIds()))
            .ifPresent(h -> sync.store().upsert(siteKey, List.of(h.withThemes(links.themeIds()))));
    }

    @Override
    public void valueSeen(String siteKey, long issueId, BigDecimal score, String model) {
        sync.store()
            .byId(siteKey, issueId)
            .filter(held -> !held.valueReadable() || !held.valueModel().equals(Optional.of(model))
                    || held.valueScore().map(s -> s.compareTo(score) != 0).orElse(true))
            .ifPresent(held -> sync.store().upsert(siteKey, List.of(held.withValue(score, model))));
    }

}
