package dev.throughline.program.service;

import dev.throughline.jira.Jql;

import java.util.OptionalLong;

/**
 * One search of a program fetch: a whole project (reader 0, from its first issue) or, for
 * a project split into key ranges, reader {@code reader} from key number {@code startKey}
 * upward until the next reader's claim.
 *
 * @param estimatedPages pages this partition is expected to read (orders the queue,
 * longest first); 0 unknown
 */
record Partition(String projectKey, int reader, OptionalLong startKey, long estimatedPages, KeyClaims claims) {

    Partition {
        if (reader < 0 || (reader == 0) != startKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "reader 0 starts at the first issue, others at a key: " + reader + " " + startKey);
        }
    }

    /**
     * The partition's JQL: the program's search of the project, from the start key, in
     * key order.
     */
    Jql jql(Jql projectJql) {
        Jql from = startKey.isPresent() ? projectJql.and(Jql.keyAtLeast(projectKey + "-" + startKey.getAsLong()))
                : projectJql;
        return from.orderedBy("key");
    }
}
