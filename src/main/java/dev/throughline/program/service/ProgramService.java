package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.KeyedLocks;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.program.ProgramCatalog;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.ProgramSummary;
import dev.throughline.program.store.ProgramJiraStore;
import dev.throughline.problems.NotFoundException;
import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * Programs of a site. Saves of one site's programs are serialised across app instances
 * ({@link KeyedLocks}), because they rewrite a shared index. Input is checked in full
 * before anything is read from or written to Jira; then the caller must be a planner
 * ({@link PlanningPermission}), and the draft must pass {@link ProgramChecks} in Jira.
 */
@Service
public class ProgramService {

    private final JiraClients jira;

    private final ProgramJiraStore store;

    /**
     * Other instances drop their cached definition (and rollups) of a changed or deleted
     * program.
     */
    public static final String TOPIC = "program";

    private static final String CATALOG_LOCK = "programs";

    private final KeyedLocks locks;

    private final ChangeFeed feed;

    private final PlanningPermission planning;

    private static final Logger LOG = LoggerFactory.getLogger(ProgramService.class);

    private final SecureRandom random = new SecureRandom();

    /**
     * Definitions read in the last 30 s, so a cached rollup answers without asking Jira
     * anything. Saves through this instance refresh it at once; another instance's save
     * through the change feed.
     */
    private final Cache<String, ProgramDefinition> definitions = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(30))
        .maximumSize(10_000)
        .build();

    public ProgramService(JiraClients jira, ProgramJiraStore store, PlanningPermission planning, KeyedLocks locks,
            ChangeFeed feed) {
        this.jira = jira;
        this.store = store;
        this.planning = planning;
        this.locks = locks;
        this.feed = feed;
        feed.subscribe(TOPIC, change -> definitions.invalidate(change.siteKey() + "/" + change.item()));
    }

    public List<ProgramSummary> list(Caller caller) {
        return store.catalog(jira.forSite(caller.site())).programs();
    }

    public ProgramDefinition get(Caller caller, String id) {
        return definitions.get(caller.site().clientKey() + "/" + id, key -> read(caller, id));
    }

    /**
     * The program's own property is the source of truth (deleting a program removes it),
     * so no index read.
     */
    private ProgramDefinition read(Caller caller, String id) {
        if (id == null || !id.matches("[a-z0-9]{1,32}")) {
            throw new NotFoundException("There is no program " + id + ".");
        }
        JiraClient client = jira.forSite(caller.site());
        return store.program(client, id).orElseThrow(() -> new NotFoundException("There is no program " + id + "."));
    }

    /**
     * Creates the program a new-program draft describes
     * ({@code ProgramDraft.parse(body, false)}).
     */
    public ProgramDefinition create(Caller caller, ProgramDraft draft) {
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        ProgramChecks.matches(client, caller.requireAccountId(), draft);
        return locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            ProgramCatalog catalog = store.catalog(client);
            ProgramDefinition created = catalog.create(draft, () -> unusedId(catalog));
            store.save(client, created, catalog.with(created));
            return created;
        });
    }

    /**
     * Updates program {@code id} as the draft says
     * ({@code ProgramDraft.parse(body, true)}: it carries the version read).
     */
    public ProgramDefinition update(Caller caller, String id, ProgramDraft draft) {
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        ProgramChecks.matches(client, caller.requireAccountId(), draft);
        return locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            ProgramCatalog catalog = store.catalog(client);
            catalog.require(id);
            ProgramDefinition current = store.program(client, id)
                .orElseThrow(() -> new NotFoundException("There is no program " + id + "."));
            ProgramDefinition updated = catalog.update(current, draft);
            store.save(client, updated, catalog.with(updated));
            changed(caller, id);
            return updated;
        });
    }

    /**
     * How many issues a draft matches (Jira's approximate count), checked as a save
     * checks it: the form shows it before saving. Anyone may ask; it counts only projects
     * the caller may browse (else 400 as for a save).
     */
    public long matches(Caller caller, ProgramDraft draft) {
        return ProgramChecks.matches(jira.forSite(caller.site()), caller.requireAccountId(), draft);
    }

    public void delete(Caller caller, String id) {
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        locks.withLock(caller.site().clientKey(), CATALOG_LOCK, () -> {
            ProgramCatalog catalog = store.catalog(client);
            String name = catalog.require(id).name();
            store.delete(client, id, catalog.without(id));
            changed(caller, id);
            // destructive: who removed what must be traceable in the server log
            LOG.info("Program {} \"{}\" deleted on site {} by account {}", id, name, caller.site().clientKey(),
                    caller.requireAccountId());
        });
    }

    private void changed(Caller caller, String id) {
        definitions.invalidate(caller.site().clientKey() + "/" + id);
        feed.publish(caller.site().clientKey(), TOPIC, id);
    }

    private String unusedId(ProgramCatalog catalog) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        while (true) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (catalog.find(id.toString()).isEmpty()) {
                return id.toString();
            }
        }
    }

}
