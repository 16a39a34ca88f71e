package dev.throughline.scoring.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraException;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people named in an issue's score history, by display name: one bulk Jira call per
 * panel view at most, and none while every name is cached (names change rarely; an hour
 * old is good enough for a history table). A name that cannot be read (deleted account,
 * Jira down) is answered as the accountId itself, so the table never goes blank.
 */
@Service
public class DisplayNames {

    /** A panel's history holds at most this many entries; more is not a panel asking. */
    static final int MAX_IDS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(DisplayNames.class);

    private final JiraClients jira;

    private final Cache<String, String> cache = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofHours(1))
        .maximumSize(50_000)
        .build();

    public DisplayNames(JiraClients jira) {
        this.jira = jira;
    }

    /** accountId to display name, in the order asked, each id once. */
    public Map<String, String> names(Caller caller, List<String> accountIds) {
        caller.requireAccountId();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : accountIds) {
            if (id == null || id.isBlank() || id.length() > 128) {
                throw new InvalidInputException("accountId", "Each accountId must be 1 to 128 characters");
            }
            ids.add(id);
        }
        if (ids.size() > MAX_IDS) {
            throw new InvalidInputException("accountId", "Ask for at most " + MAX_IDS + " accountIds at a time");
        }
        String site = caller.site().clientKey();
        List<String> missing = new ArrayList<>();
        ids.forEach(id -> {
            if (cache.getIfPresent(key(site, id)) == null) {
                missing.add(id);
            }
        });
        if (!missing.isEmpty()) {
            try {
                jira.forSite(caller.site()).displayNames(missing).forEach((id, name) -> cache.put(key(site, id), name));
            }
            catch (JiraException e) {
                // names are a courtesy: the ids are still true, and the next view asks
                // again
                LOG.warn("Display names not read on site {}: {}", site, e.getMessage());
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        ids.forEach(id -> {
            String name = cache.getIfPresent(key(site, id));
            names.put(id, name == null || name.isBlank() ? id : name);
        });
        return names;
    }

    private static String key(String site, String accountId) {
        return site + '\n' + accountId;
    }

}
