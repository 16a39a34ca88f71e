package dev.throughline.theme.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.Placement;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.ThemeDraft;
import dev.throughline.theme.ThemeStatus;
import dev.throughline.theme.store.ThemeJiraStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Changes to a site's roadmap themes (create, update, move, delete); linking issues is
 * {@link ThemeLinkService}'s. Saves of one site's themes are serialised across app
 * instances ({@link KeyedLocks}), because they rewrite a shared index and names must stay
 * unique. Changing the themes is for planners ({@link PlanningPermission}).
 */
@Service
public class ThemeService {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeService.class);

    private final JiraClients jira;

    private final ThemeJiraStore store;

    /** The one lock of a site's theme catalog (index, themes and their links). */
    static final String CATALOG_LOCK = "themes";

    private final KeyedLocks locks;

    private final PlanningPermission planning;

    private final SecureRandom random = new SecureRandom();

    private final ProjectIssues projectIssues;

    private final Clock clock;

    private final KeptCatalogs kept;

    public ThemeService(JiraClients jira, ThemeJiraStore store, PlanningPermission planning, KeyedLocks locks,
            ProjectIssues projectIssues, KeptCatalogs kept, Clock clock) {
        this.projectIssues = projectIssues;
        this.kept = kept;
        this.clock = clock;
        this.jira = jira;
        this.locks = locks;
        this.store = store;
        this.planning = planning;
    }

    public List<Theme> list(Caller caller) {
        return store.catalog(jira.forSite(caller.site())).themes();
    }

    public Theme get(Caller caller, String id) {
        JiraClient client = jira.forSite(caller.site());
        Theme indexed = store.catalog(client).require(id);
        return store.theme(client, id).orElse(indexed);
    }

    /**
     * Creates the theme a new-theme draft describes
     * ({@code ThemeDraft.parse(body, false)}).
     */
    public Theme create(Caller caller, ThemeDraft draft) {
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        return writing(caller, () -> {
            ThemeCatalog catalog = store.catalog(client);
            Theme created = catalog.create(draft, () -> unusedId(catalog));
            List<Theme> all = new ArrayList<>(catalog.themes());
            all.add(created);
            store.save(client, created, all);
            return created;
        });
    }

    /**
     * Updates theme {@code id} as the draft says ({@code ThemeDraft.parse(body, true)}:
     * it carries the version read).
     */
    public Theme update(Caller caller, String id, ThemeDraft draft) {
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        return writing(caller, () -> {
            ThemeCatalog catalog = store.catalog(client);
            Theme before = catalog.require(id);
            Theme updated = catalog.update(id, draft);
            store.save(client, updated, replace(catalog, updated));
            if (updated.status() == ThemeStatus.ARCHIVED && before.status() != ThemeStatus.ARCHIVED) {
                // archiving hides the theme from every picker; the log says who did it,
                // and where
                LOG.info("Theme {} \"{}\" archived on site {} ({}) by account {}", id, updated.name(),
                        caller.site().clientKey(), caller.site().baseUrl(), caller.accountId().orElse("?"));
            }
            return updated;
        });
    }

    /**
     * Moves a theme on the board to its {@link Placement}. Full themes (descriptions
     * included) are read and kept, so a drag never loses what a card does not show.
     */
    public Theme place(Caller caller, String id, Placement placement) {
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        return writing(caller, () -> {
            ThemeCatalog catalog = store.catalog(client);
            List<Theme> changed = catalog.place(id, placement.horizon(), placement.index(), placement.version());
            List<Theme> full = changed.stream()
                .map(placed -> store.theme(client, placed.id())
                    .map(t -> new Theme(t.id(), t.name(), t.description(), t.color(), t.status(), placed.horizon(),
                            t.startQuarter(), t.endQuarter(), t.outcome(), t.owner(), placed.sortOrder(),
                            placed.version()))
                    .orElse(placed))
                .toList();
            List<Theme> all = new ArrayList<>(catalog.themes());
            for (Theme theme : full) {
                all.replaceAll(t -> t.id().equals(theme.id()) ? theme : t);
            }
            store.saveAll(client, full, all);
            return full.get(0);
        });
    }

    /**
     * Deletes a theme; while issues are linked, only with {@code unlink}, which removes
     * every link first.
     */
    public long delete(Caller caller, String id, boolean unlink) {
        planning.requirePlanner(caller);
        String accountId = caller.requireAccountId();
        JiraClient client = jira.forSite(caller.site());
        return writing(caller, () -> {
            ThemeCatalog catalog = store.catalog(client);
            Theme theme = catalog.require(id);
            List<JiraIssue> linked = ThemeLinkService.linkedIssues(client, id);
            if (!linked.isEmpty() && !unlink) {
                throw new ThemeInUseException(theme.name(), linked.size());
            }
            if (!linked.isEmpty()) {
                LinkResult result = ThemeLinkService.change(client, accountId,
                        new ThemeLinkService.Selection(linked, 0), links -> links.without(id), clock.instant(),
                        ThemeLinkService.written(projectIssues, caller.site().clientKey()));
                if (result.partial()) {
                    throw new PartialLinkException(result);
                }
                if (!result.failed().isEmpty()) {
                    throw new InvalidInputException("unlink", result.failed().size()
                            + " linked issue(s) could not be unlinked (you cannot edit them); the theme was kept");
                }
            }
            List<Theme> remaining = catalog.themes().stream().filter(t -> !t.id().equals(id)).toList();
            store.delete(client, id, remaining);
            // a deleted theme cannot be brought back: the log says who did it, where, and
            // what went
            LOG.info("Theme {} \"{}\" deleted on site {} ({}) by account {}; {} linked issue(s) unlinked", id,
                    theme.name(), caller.site().clientKey(), caller.site().baseUrl(), accountId, linked.size());
            return linked.size();
        });
    }

    /**
     * Runs a catalog write under the site's catalog lock, then drops the kept catalog
     * (also after a failure: part of the write may have landed) so progress views on this
     * instance show it at once.
     */
    private <T> T writing(Caller caller, Supplier<T> write) {
        String siteKey = caller.site().clientKey();
        return locks.withLock(siteKey, CATALOG_LOCK, () -> {
            try {
                return write.get();
            }
            finally {
                kept.forget(siteKey);
            }
        });
    }

    /**
     * The owner picker's choices: up to 10 Jira users whose name starts with the query
     * (accountId to display name). For planners, who are the ones choosing an owner.
     */
    public Map<String, String> ownerCandidates(Caller caller, String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty() || text.length() > 100) {
            throw new InvalidInputException("query", "Type 1 to 100 characters of a name to find a person");
        }
        planning.requirePlanner(caller);
        return jira.forSite(caller.site()).findUsers(text, 10);
    }

    private List<Theme> replace(ThemeCatalog catalog, Theme updated) {
        return catalog.themes().stream().map(t -> t.id().equals(updated.id()) ? updated : t).toList();
    }

    /** Short, unguessable, URL- and JQL-safe ids (up to 8 base-36 digits). */
    private String unusedId(ThemeCatalog catalog) {
        String id;
        do {
            id = Long.toString(Math.floorMod(random.nextLong(), 2_821_109_907_456L), 36);
        }
        while (catalog.find(id).isPresent());
        return id;
    }

}
