package dev.throughline.program.rollup;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocking links a rollup holds, each with how many folded issues reported it: Jira
 * lists "A blocks B" on A ({@code blocks}) and on B ({@code blockedBy}), so taking A out
 * must keep the link while B is still folded. The counts are small boxed integers
 * (cached), so they cost no more than the set they replace.
 */
final class LinkUses {

    private final Map<BlockingLink, Integer> uses = new HashMap<>();

    void add(ProgramIssue issue) {
        reported(issue).forEach((link, count) -> uses.merge(link, count, Integer::sum));
    }

    /**
     * Takes out the links {@code issue} reported when it was {@link #add added}.
     * @throws IllegalArgumentException if one was not held (nothing is changed then)
     */
    void remove(ProgramIssue issue) {
        Map<BlockingLink, Integer> reported = reported(issue);
        reported.forEach((link, count) -> {
            if (uses.getOrDefault(link, 0) < count) {
                throw new IllegalArgumentException(issue.key() + " was not folded: its link " + link + " is not held");
            }
        });
        reported.forEach(
                (link, count) -> uses.computeIfPresent(link, (l, held) -> held - count == 0 ? null : held - count));
    }

    /** The issue's link end and links, if it reports any (as it is folded). */
    void remember(ProgramIssue issue, Map<String, DependencyEnd> ends) {
        if (!issue.blocks().isEmpty() || !issue.blockedBy().isEmpty()) {
            ends.put(issue.key(), DependencyEnd.of(issue));
            add(issue);
        }
    }

    /**
     * Takes out what {@link #remember} kept; checks every link before changing anything.
     */
    void forget(ProgramIssue issue, Map<String, DependencyEnd> ends) {
        if (!issue.blocks().isEmpty() || !issue.blockedBy().isEmpty()) {
            remove(issue);
            ends.remove(issue.key());
        }
    }

    /** Adds the other's links and their uses; the other is left unchanged. */
    LinkUses add(LinkUses other) {
        if (uses.isEmpty()) {
            // a copy or a remerge's start: one bulk copy, not a merge per link
            uses.putAll(other.uses);
            return this;
        }
        other.uses.forEach((link, count) -> uses.merge(link, count, Integer::sum));
        return this;
    }

    /** How many folded issues reported the link (0 when none). */
    int uses(BlockingLink link) {
        return uses.getOrDefault(link, 0);
    }

    /**
     * These links' uses become the sum of the parts' again (gone where none holds one).
     */
    void sumAgain(Set<BlockingLink> links, List<LinkUses> parts) {
        for (BlockingLink link : links) {
            int sum = parts.stream().mapToInt(part -> part.uses.getOrDefault(link, 0)).sum();
            if (sum == 0) {
                uses.remove(link);
            }
            else {
                uses.put(link, sum);
            }
        }
    }

    /** The links held (a read-only view). */
    Set<BlockingLink> set() {
        return Collections.unmodifiableSet(uses.keySet());
    }

    int size() {
        return uses.size();
    }

    /** The same links with the same uses (for tests). */
    boolean sameAs(LinkUses other) {
        return uses.equals(other.uses);
    }

    private static Map<BlockingLink, Integer> reported(ProgramIssue issue) {
        Map<BlockingLink, Integer> reported = new HashMap<>();
        issue.blocks().forEach(blocked -> reported.merge(new BlockingLink(issue.key(), blocked), 1, Integer::sum));
        issue.blockedBy().forEach(blocker -> reported.merge(new BlockingLink(blocker, issue.key()), 1, Integer::sum));
        return reported;
    }

}
