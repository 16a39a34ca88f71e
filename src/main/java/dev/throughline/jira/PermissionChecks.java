package dev.throughline.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks {@code POST /rest/api/3/permissions/check} one question per call, and
 * {@code GET /rest/api/3/user/groups} for a user's groups, and remembers each answer for
 * a short time: the same page asks the same questions many times, and permission and
 * membership changes are rare.
 */
final class PermissionChecks {

    private static final String CHECK = "/rest/api/3/permissions/check";

    private static final String USER_GROUPS = "/rest/api/3/user/groups?accountId={accountId}";

    /**
     * One question, with its ids sorted so the same question hits the same cache entry.
     */
    private record Question(String accountId, String permission, String scope, List<Long> ids) {
    }

    private final JiraHttp http;

    private final Cache<Question, Set<Long>> answers;

    private final Cache<String, List<JiraGroup>> groups;

    PermissionChecks(JiraHttp http, Duration ttl, Ticker ticker) {
        this.http = http;
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
        this.groups = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
    }

    /** The user's groups; none for an account Jira does not know (404). */
    List<JiraGroup> groupsOf(String accountId) {
        return groups.get(account(accountId), this::fetchGroups);
    }

    private List<JiraGroup> fetchGroups(String accountId) {
        List<JiraGroup> found = new ArrayList<>();
        JsonNode answer = http.getIfFound(USER_GROUPS, Map.of("accountId", accountId))
            .orElse(MissingNode.getInstance());
        for (JsonNode group : answer) {
            String id = group.path("groupId").asText("");
            found.add(new JiraGroup(group.path("name").asText(), id.isBlank() ? Optional.empty() : Optional.of(id)));
        }
        return List.copyOf(found);
    }

    Set<Long> projectsWith(String permission, String accountId, Collection<Long> projectIds) {
        return ask(new Question(account(accountId), permission, "projects", sorted(projectIds)));
    }

    Set<Long> issuesWith(String permission, String accountId, Collection<Long> issueIds) {
        return ask(new Question(account(accountId), permission, "issues", sorted(issueIds)));
    }

    boolean hasGlobal(String permission, String accountId) {
        return !ask(new Question(account(accountId), permission, "global", List.of())).isEmpty();
    }

    private Set<Long> ask(Question question) {
        if (!question.scope().equals("global") && question.ids().isEmpty()) {
            return Set.of();
        }
        return answers.get(question, this::check);
    }

    private Set<Long> check(Question q) {
        Map<String, Object> body = q.scope().equals("global")
                ? Map.of("accountId", q.accountId(), "globalPermissions", List.of(q.permission()))
                : Map.of("accountId", q.accountId(), "projectPermissions",
                        List.of(Map.of("permissions", List.of(q.permission()), q.scope(), q.ids())));
        JsonNode answer = http.post(CHECK, body, Map.of());
        if (q.scope().equals("global")) {
            for (JsonNode granted : answer.path("globalPermissions")) {
                if (granted.asText().equals(q.permission())) {
                    return Set.of(0L); // a non-empty marker: granted
                }
            }
            return Set.of();
        }
        Set<Long> allowed = new HashSet<>();
        for (JsonNode grant : answer.path("projectPermissions")) {
            if (grant.path("permission").asText().equals(q.permission())) {
                grant.path(q.scope()).forEach(id -> allowed.add(id.asLong()));
            }
        }
        allowed.retainAll(q.ids()); // never report more than was asked
        return Set.copyOf(allowed);
    }

    private static String account(String accountId) {
        return Checks.notBlank("accountId", accountId);
    }

    private static List<Long> sorted(Collection<Long> ids) {
        Checks.noNulls("ids", ids);
        ids.forEach(id -> Checks.positive("id", id));
        return List.copyOf(new TreeSet<>(ids));
    }

}
