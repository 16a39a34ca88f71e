package dev.throughline.coordination;

import java.util.Map;
import java.util.Optional;

/**
 * Per-site revisions of things app instances keep between views (a theme catalog read
 * from Jira, an answer Jira gave), in the shared database: the code path that changes one
 * bumps its revision, and each view reads the site's revisions (one query) and drops a
 * kept copy read at another revision. Unlike the {@link ChangeFeed}, no instance waits
 * for a poll: the next view on any instance sees the bump.
 *
 * <p>
 * Names are the features' own constants (at most {@value #MAX_NAME_LENGTH} characters);
 * this interface does not interpret them.
 */
public interface SiteRevisions {

    int MAX_NAME_LENGTH = 64;

    /** Something {@code name} stands for changed on the site (or may have). */
    void bump(String siteKey, String name);

    /**
     * The site's revisions by name; a name never bumped is absent (read it as 0). Empty
     * when the database cannot be read: a keeper then cannot know what changed and trusts
     * nothing it kept.
     */
    Optional<Map<String, Long>> of(String siteKey);

    /** Revisions in this process's memory (unit tests, one instance). */
    static SiteRevisions inMemory() {
        return new MemorySiteRevisions();
    }

}
