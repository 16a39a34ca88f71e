package dev.throughline.sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: global grants, per-project grants, and "super users" holding every
 * permission.
 */
final class SandboxPermissions {

    static final Set<String> GLOBAL = Set.of("ADMINISTER", "SYSTEM_ADMIN", "USER_PICKER", "CREATE_SHARED_OBJECTS",
            "BULK_CHANGE", "MANAGE_GROUP_FILTER_SUBSCRIPTIONS");
    static final Set<String> PROJECT = Set.of("BROWSE_PROJECTS", "EDIT_ISSUES", "SCHEDULE_ISSUES", "CREATE_ISSUES",
            "LINK_ISSUES", "ADMINISTER_PROJECTS", "TRANSITION_ISSUES", "ASSIGN_ISSUES", "RESOLVE_ISSUES",
            "DELETE_ISSUES", "ADD_COMMENTS", "WORK_ON_ISSUES", "MANAGE_SPRINTS_PERMISSION", "VIEW_DEV_TOOLS",
            "MOVE_ISSUES", "CLOSE_ISSUES", "ASSIGNABLE_USER");

    private final Set<String> superUsers = new HashSet<>();

    private final Map<String, Set<String>> global = new HashMap<>();

    private final Map<String, Map<Long, Set<String>>> project = new HashMap<>();

    void grantAll(String accountId) {
        superUsers.add(accountId);
    }

    void grantGlobal(String accountId, String permission) {
        requireKnown(GLOBAL, permission);
        global.computeIfAbsent(accountId, a -> new HashSet<>()).add(permission);
    }

    void revokeGlobal(String accountId, String permission) {
        global.getOrDefault(accountId, new HashSet<>()).remove(permission);
    }

    void grantProject(String accountId, long projectId, String permission) {
        requireKnown(PROJECT, permission);
        project.computeIfAbsent(accountId, a -> new HashMap<>())
            .computeIfAbsent(projectId, p -> new HashSet<>())
            .add(permission);
    }

    void revokeProject(String accountId, long projectId, String permission) {
        project.getOrDefault(accountId, Map.of()).getOrDefault(projectId, new HashSet<>()).remove(permission);
    }

    void revokeAll(String accountId) {
        superUsers.remove(accountId);
        global.remove(accountId);
        project.remove(accountId);
    }

    boolean hasGlobal(String accountId, String permission) {
        return superUsers.contains(accountId) || global.getOrDefault(accountId, Set.of()).contains(permission);
    }

    /**
     * Jira admins (ADMINISTER) do not implicitly browse projects, so only explicit or
     * super-user grants count.
     */
    boolean hasProject(String accountId, long projectId, String permission) {
        return superUsers.contains(accountId)
                || project.getOrDefault(accountId, Map.of()).getOrDefault(projectId, Set.of()).contains(permission);
    }

    private static void requireKnown(Set<String> known, String permission) {
        if (!known.contains(permission))
            throw new IllegalArgumentException("unknown permission: " + permission);
    }

}
