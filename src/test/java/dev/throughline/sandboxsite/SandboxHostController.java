package dev.throughline.sandboxsite;

import com.atlassian.connect.spring.IgnoreJwt;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import dev.throughline.sandbox.SandboxSite;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jira side of the sandbox: the frame every page opens in, and what its host bridge
 * asks for — context tokens for {@code AP.context.getToken}, the issue glance label, and
 * {@code AP.request} calls to the simulated Jira.
 */
@IgnoreJwt
@RequestMapping
class SandboxHostController {

    static final List<SandboxUserChoice> USERS = List.of(
            new SandboxUserChoice(SandboxSite.ADMIN, "Site Admin (Jira administrator)"),
            new SandboxUserChoice(SandboxSiteRuntime.VIEWER, "Alana Grant (may browse WEB and MOB only)"),
            new SandboxUserChoice(SandboxSiteRuntime.PLANNER, "Emma Richards (a planner through her Jira group)"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxSiteRuntime runtime;

    private final SandboxModules modules = SandboxModules.fromDescriptor();

    private final HttpClient http = HttpClient.newHttpClient();

    SandboxHostController(SandboxSiteRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/sandbox/frame")
    String frame(@RequestParam String module, @RequestParam(required = false) String project,
            @RequestParam(required = false) String issue, @RequestParam(defaultValue = SandboxSite.ADMIN) String user,
            @RequestParam(defaultValue = "light") String theme, @RequestParam(defaultValue = "connect") String mode,
            Model model) {
        if (!runtime.ready()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The sandbox site is still starting");
        }
        SandboxModules.Module chosen = modules.byKey(module)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No module " + module));
        String account = USERS.stream()
            .map(SandboxUserChoice::accountId)
            .filter(user::equals)
            .findFirst()
            .orElse(SandboxSite.ADMIN);
        SandboxIssue issueShown = null;
        String projectKey = project;
        if (chosen.context() == SandboxModules.Context.ISSUE) {
            String key = issue == null ? runtime.seeded().scoredIssue() : issue;
            issueShown = runtime.data()
                .issue(key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No issue " + key));
            projectKey = issueShown.projectKey();
        }
        else if (chosen.context() == SandboxModules.Context.PROJECT && projectKey == null) {
            projectKey = runtime.data().projects().get(0).key();
        }
        String origin = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        boolean forge = "forge".equals(mode) && chosen.forge() != null;
        String src = forge ? SandboxForgeResources.PATH + chosen.forge().resource() + "/index.html"
                : SandboxSigning.signedPageUrl(runtime.site(),
                        chosen.resolve(issueShown == null ? null : issueShown.key(), projectKey),
                        SandboxSigning.hostParams(origin), account);
        model.addAttribute("mode", forge ? "forge" : "connect");
        model.addAttribute("forge", forge ? chosen.forge() : null);
        model.addAttribute("module", chosen);
        model.addAttribute("modules", modules.all());
        model.addAttribute("projects", runtime.data().projects().stream().map(SandboxProject::key).toList());
        model.addAttribute("projectKey", projectKey);
        model.addAttribute("issue", issueShown);
        model.addAttribute("src", src);
        model.addAttribute("user", account);
        model.addAttribute("users", USERS);
        model.addAttribute("theme", "dark".equals(theme) ? "dark" : "light");
        return "sandbox/frame";
    }

    @GetMapping(value = "/sandbox/context-token", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> contextToken(@RequestParam(defaultValue = SandboxSite.ADMIN) String user) {
        return Map.of("token", runtime.site().contextToken(user));
    }

    /**
     * The label Jira would show on the issue's glance, read from the issue property the
     * app writes.
     */
    @GetMapping(value = "/sandbox/glance", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> glance(@RequestParam String issue) {
        SandboxIssue shown = runtime.data()
            .issue(issue)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No issue " + issue));
        String statusKey = "com.atlassian.jira.issue:" + runtime.addonKey() + ":value-context:status";
        Optional<Object> status = runtime.data().issueProperty(shown.id(), statusKey);
        String label = status.map(value -> JSON.valueToTree(value).path("value").path("label").asText(null))
            .orElse(null);
        return Map.of("label", label == null ? "Not scored" : label);
    }

    /** {@code AP.request}: the page's Jira REST call, passed to the simulated Jira. */
    @RequestMapping("/sandbox/jira/**")
    ResponseEntity<String> jira(HttpServletRequest request) throws IOException, InterruptedException {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/sandbox/jira".length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        byte[] body = request.getInputStream().readAllBytes();
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(runtime.jira().baseUrl() + path + query))
            .method(request.getMethod(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Authorization", "JWT " + runtime.site().contextToken(SandboxSite.ADMIN));
        if (request.getContentType() != null) {
            forward.header("Content-Type", request.getContentType());
        }
        HttpResponse<String> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
        return ResponseEntity.status(answer.statusCode())
            .contentType(
                    MediaType.parseMediaType(answer.headers().firstValue("Content-Type").orElse("application/json")))
            .body(answer.body());
    }

    record SandboxUserChoice(String accountId, String name) {
    }

}
