package dev.throughline.sandboxsite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages and panels of the app's descriptor, as the sandbox site shows them: where
 * each goes and what it needs.
 */
final class SandboxModules {

    enum Context {

        ISSUE, PROJECT, NONE

    }

    /**
     * Where a module opens as a Forge app (manifest.yml): the Forge module, its type, the
     * Custom UI resource (folder of forge-ui/dist) and the sub-page route of a page
     * module that holds several pages.
     */
    record ForgeModule(String moduleKey, String moduleType, String resource, String route) {
    }

    private static final Map<String, ForgeModule> FORGE = Map.of("value-context",
            new ForgeModule("value-context", "jira:issueContext", "issue-value", ""), "roadmap-project",
            new ForgeModule("project-pages", "jira:projectPage", "project-pages", "roadmap"), "grooming",
            new ForgeModule("project-pages", "jira:projectPage", "project-pages", "grooming"), "roadmap",
            new ForgeModule("global-pages", "jira:globalPage", "global-pages", "roadmap"), "programs",
            new ForgeModule("global-pages", "jira:globalPage", "global-pages", "programs"), "program-report",
            new ForgeModule("global-pages", "jira:globalPage", "global-pages", "programs"), "plan",
            new ForgeModule("global-pages", "jira:globalPage", "global-pages", "plan"), "settings",
            new ForgeModule("settings", "jira:adminPage", "settings", ""));

    record Module(String kind, String key, String name, String url, Context context) {

        /** This module as the Forge app has it. */
        ForgeModule forge() {
            return FORGE.get(key);
        }

        /**
         * The module URL with Jira's context variables filled in, e.g.
         * {@code {issue.key}}.
         */
        String resolve(String issueKey, String projectKey) {
            return url.replace("{issue.key}", issueKey == null ? "" : issueKey)
                .replace("{project.key}", projectKey == null ? "" : projectKey);
        }
    }

    private final List<Module> modules;

    private SandboxModules(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    static SandboxModules fromDescriptor() {
        try (InputStream in = new ClassPathResource("atlassian-connect.json").getInputStream()) {
            JsonNode descriptor = new ObjectMapper().readTree(in).path("modules");
            List<Module> modules = new ArrayList<>();
            descriptor.path("jiraIssueContexts")
                .forEach(m -> modules.add(new Module("Issue panel", m.path("key").asText(),
                        m.path("name").path("value").asText(), m.path("target").path("url").asText(), Context.ISSUE)));
            descriptor.path("jiraProjectPages").forEach(m -> modules.add(module("Project page", m, Context.PROJECT)));
            descriptor.path("generalPages").forEach(m -> modules.add(module("Page", m, Context.NONE)));
            descriptor.path("jiraReports").forEach(m -> modules.add(module("Report", m, Context.PROJECT)));
            JsonNode configure = descriptor.path("configurePage");
            if (configure.isObject()) {
                modules.add(module("Settings", configure, Context.NONE));
            }
            descriptor.path("adminPages").forEach(m -> modules.add(module("Admin page", m, Context.NONE)));
            return new SandboxModules(modules);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Module module(String kind, JsonNode m, Context context) {
        return new Module(kind, m.path("key").asText(), m.path("name").path("value").asText(), m.path("url").asText(),
                context);
    }

    List<Module> all() {
        return modules;
    }

    Optional<Module> byKey(String key) {
        return modules.stream().filter(m -> m.key().equals(key)).findFirst();
    }

}
