package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraIssue;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.IssueFactsStore.Dirty;

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

    public IssueEvents(IssueFactsStore store) {
        this.store = store;
    }

    /**
     * An issue was created or updated.
     * @return the projects whose numbers may have changed (the old and the new one of a
     * move)
     */
    public Set<String> changed(String siteKey, JiraIssue issue) {
        String project = FactsOf.ownProject(issue);
        long id = Long.parseLong(issue.id());
        boolean tracked = !store.syncs(siteKey, List.of(project)).isEmpty();
        if (!FactsOf.complete(issue)) {
            // without its facts: read it again by key at the next view of its project
            if (!tracked) {
                return Set.of();
            }
            store.markDirty(siteKey, new Dirty(id, issue.key(), project));
            return Set.of(project);
        }
        Optional<IssueFacts> held = store.byId(siteKey, id);
        Set<String> touched = new LinkedHashSet<>();
        held.ifPresent(h -> touched.add(h.projectKey()));
        if (!tracked) {
            // moved to a project the read model does not hold: it leaves the old one
            held.ifPresent(h -> store.delete(siteKey, List.of(id)));
            return touched;
        }
        touched.add(project);
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
