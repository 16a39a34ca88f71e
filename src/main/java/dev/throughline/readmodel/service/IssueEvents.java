package dev.throughline.readmodel.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.jira.JiraIssue;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.IssueFactsStore.Dirty;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.PropertyChange;
import dev.throughline.readmodel.PropertyEventTimes;
import dev.throughline.readmodel.ThemeLinks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Jira's events (webhooks; Forge events carry the same) applied to the read model. An
 * event that carries the issue's facts is applied as it is, without a Jira call; one that
 * names an issue without them marks it for a re-read at the next view. Events of projects
 * the read model does not hold are ignored, unless they move a held issue out.
 */
public final class IssueEvents {

    private final IssueFactsStore store;

    private final PropertyEventTimes times;

    private final SiteRevisions revisions;

    /**
     * Refined programs' ids kept by the events, when there are refined programs to keep.
     */
    private final Optional<RefinementEvents> refinements;

    /** With the times of property events kept in memory (tests, one instance). */
    public IssueEvents(IssueFactsStore store) {
        this(store, new MemoryPropertyEventTimes());
    }

    /** With the unheld revisions in memory (tests, one instance). */
    public IssueEvents(IssueFactsStore store, PropertyEventTimes times) {
        this(store, times, SiteRevisions.inMemory(), Optional.empty());
    }

    /**
     * With the unheld revisions in memory (tests, one instance), refined programs kept.
     */
    public IssueEvents(IssueFactsStore store, PropertyEventTimes times, Optional<RefinementEvents> refinements) {
        this(store, times, SiteRevisions.inMemory(), refinements);
    }

    /** Without refined programs to keep. */
    public IssueEvents(IssueFactsStore store, PropertyEventTimes times, SiteRevisions revisions) {
        this(store, times, revisions, Optional.empty());
    }

    /**
     * @param revisions where an event that may put theme work outside the projects held
     * bumps {@link ProjectIssues#UNHELD_REVISION}
     * @param refinements refined programs' ids kept by the events, when there are refined
     * programs to keep
     */
    public IssueEvents(IssueFactsStore store, PropertyEventTimes times, SiteRevisions revisions,
            Optional<RefinementEvents> refinements) {
        this.store = store;
        this.times = times;
        this.revisions = revisions;
        this.refinements = refinements;
    }

    /**
     * An issue was created or updated.
     * @return the projects whose numbers may have changed (the old and the new one of a
     * move)
     */
    public Set<String> changed(String siteKey, JiraIssue issue) {
        return changed(siteKey, issue, true);
    }

    /**
     * The same; {@code carriesEveryField}: the event's issue carries every field the
     * facts need, as Jira's webhooks do. Forge's issue events carry only summary, issue
     * type, creator, created, project, reporter, assignee, updated and status
     * (Atlassian's <em>Jira events</em> reference): applied as facts they would drop the
     * issue's story points, parent, versions and links, so such an issue is read again at
     * the next view and only refinements are judged from what the event carries.
     */
    public Set<String> changed(String siteKey, JiraIssue issue, boolean carriesEveryField) {
        String project = FactsOf.ownProject(issue);
        long id = Long.parseLong(issue.id());
        boolean tracked = !store.syncs(siteKey, List.of(project)).isEmpty();
        if (!tracked) {
            // a new child of a linked epic, or linked work moved here: outside the
            // projects held, which only an approximate count finds
            revisions.bump(siteKey, ProjectIssues.UNHELD_REVISION);
        }
        if (!FactsOf.complete(issue)) {
            refinements.ifPresent(r -> r.changed(siteKey, issue, Optional.empty()));
            // without its facts: read it again by key at the next view of its project
            if (!tracked) {
                return Set.of();
            }
            store.markDirty(siteKey, new Dirty(id, issue.key(), project));
            return Set.of(project);
        }
        Optional<IssueFacts> held = store.byId(siteKey, id);
        refinements.ifPresent(r -> r.changed(siteKey, issue, held.map(IssueFacts::projectKey)));
        Set<String> touched = new LinkedHashSet<>();
        held.ifPresent(h -> touched.add(h.projectKey()));
        if (!tracked) {
            // moved to a project the read model does not hold: it leaves the old one
            held.ifPresent(h -> store.delete(siteKey, List.of(id)));
            return touched;
        }
        touched.add(project);
        if (!carriesEveryField) {
            // refinements judged on what it carries; its facts read again at the next
            // view
            store.markDirty(siteKey, new Dirty(id, issue.key(), project));
            return touched;
        }
        String pointsField = store.syncs(siteKey, List.of(project)).get(project).pointsField();
        IssueFacts facts = FactsOf.of(issue, pointsField.isEmpty() ? Optional.empty() : Optional.of(pointsField));
        // Jira's issue events carry no entity properties: the score and themes held stay
        store.upsert(siteKey, List.of(held.map(facts::withPropertiesOf).orElse(facts)));
        return touched;
    }

    /**
     * An issue was deleted; {@code complete}: the event carried the issue (as Jira's do),
     * otherwise its deletion is checked by a re-read.
     */
    public Set<String> deleted(String siteKey, JiraIssue issue) {
        long id = Long.parseLong(issue.id());
        Optional<IssueFacts> held = store.byId(siteKey, id);
        if (FactsOf.complete(issue) && held.isPresent() && held.get().key().equals(issue.key())) {
            store.delete(siteKey, List.of(id));
            refinements.ifPresent(r -> r.deleted(siteKey, id));
            return Set.of(held.get().projectKey());
        }
        String project = FactsOf.ownProject(issue);
        if (store.syncs(siteKey, List.of(project)).isEmpty()) {
            return Set.of();
        }
        store.markDirty(siteKey, new Dirty(id, issue.key(), project));
        return Set.of(project);
    }

    /**
     * An issue property was set or deleted (by any caller: property writes change no
     * {@code updated}, so only this event, or a read of the issue, shows them). Only the
     * properties the read model keeps matter, of issues it holds. An event that says what
     * the property now is (deleted, or set with its value) is applied without a Jira
     * call; one that does not marks the issue for a re-read at the next view. An event
     * older than one applied already (late, or delivered again after a newer one) is
     * dropped.
     * @return the projects whose numbers may have changed
     */
    public Set<String> propertyChanged(String siteKey, PropertyChange change) {
        if (!change.kept()) {
            return Set.of();
        }
        if (change.propertyKey().equals(ThemeLinks.PROPERTY_KEY)) {
            // a theme link anywhere, also in a project not held (simply: any)
            revisions.bump(siteKey, ProjectIssues.UNHELD_REVISION);
        }
        Optional<IssueFacts> held = store.byId(siteKey, change.issueId());
        if (held.isEmpty()) {
            // not read yet (a new issue whose own event is still to come): read it if
            // its project is held
            return change.projectKey()
                .filter(p -> !store.syncs(siteKey, List.of(p)).isEmpty() && !change.issueKey().isEmpty())
                .map(p -> {
                    store.markDirty(siteKey, new Dirty(change.issueId(), change.issueKey(), p));
                    return Set.of(p);
                })
                .orElse(Set.of());
        }
        IssueFacts facts = held.get();
        if (change.at().filter(at -> !times.advance(siteKey, facts.id(), change.propertyKey(), at)).isPresent()) {
            return Set.of(); // a newer event about this property was applied
        }
        if (!change.complete()) {
            store.markDirty(siteKey, new Dirty(facts.id(), facts.key(), facts.projectKey()));
            return Set.of(facts.projectKey());
        }
        Optional<IssueFacts> changed = FactsOf.withProperty(facts, change.propertyKey(),
                change.deleted() ? Optional.empty() : change.value());
        changed.filter(c -> !c.equals(facts)).ifPresent(c -> store.upsert(siteKey, List.of(c)));
        return Set.of(facts.projectKey());
    }

    /**
     * A link was made or unmade. A {@code Blocks} link between two held issues is
     * applied; in any case every project of the site is refreshed at its next view, as
     * link events name issues by id only and promise nothing about their {@code updated}.
     */
    public void linked(String siteKey, boolean created, long sourceId, long destinationId, String typeName) {
        Optional<IssueFacts> source = store.byId(siteKey, sourceId);
        Optional<IssueFacts> destination = store.byId(siteKey, destinationId);
        if ("Blocks".equalsIgnoreCase(typeName) && source.isPresent() && destination.isPresent()) {
            IssueFacts from = source.get();
            IssueFacts to = destination.get();
            store.upsert(siteKey, List.of(
                    from.withLinks(edit(from.blocks(), new IssueRef(to.id(), to.key()), created), from.blockedBy()),
                    to.withLinks(to.blocks(), edit(to.blockedBy(), new IssueRef(from.id(), from.key()), created))));
        }
        store.markStale(siteKey);
    }

    private static List<IssueRef> edit(List<IssueRef> refs, IssueRef ref, boolean add) {
        List<IssueRef> edited = new ArrayList<>(refs.stream().filter(r -> r.id() != ref.id()).toList());
        if (add) {
            edited.add(ref);
        }
        return edited;
    }

}
