package dev.throughline.sandboxsite;

import com.atlassian.connect.spring.IgnoreJwt;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * {@code /}: the sandbox site's home page, listing every panel and page of the app with a
 * link into the frame.
 */
@IgnoreJwt
@RequestMapping
class SandboxHomeController {

    private final SandboxSiteRuntime runtime;

    private final SandboxModules modules = SandboxModules.fromDescriptor();

    SandboxHomeController(SandboxSiteRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("ready", runtime.ready());
        model.addAttribute("modules", modules.all());
        model.addAttribute("projects", runtime.data().projects().stream().map(SandboxProject::key).toList());
        model.addAttribute("jiraUrl", runtime.jira().baseUrl());
        model.addAttribute("clientKey", SandboxSiteRuntime.CLIENT_KEY);
        model.addAttribute("issueCount", runtime.data().issues().size());
        if (runtime.ready()) {
            SandboxSeeder.Seeded seeded = runtime.seeded();
            String epic = runtime.data()
                .issues()
                .stream()
                .filter(i -> i.type() == IssueType.EPIC)
                .map(SandboxIssue::key)
                .findFirst()
                .orElse(seeded.scoredIssue());
            model.addAttribute("sampleIssues",
                    List.of(new SampleIssue(seeded.scoredIssue(), "a scored story"),
                            new SampleIssue(seeded.unscoredIssue(), "an unscored story"),
                            new SampleIssue(epic, "an epic linked to a theme")));
        }
        else {
            model.addAttribute("sampleIssues", List.of());
        }
        return "sandbox/home";
    }

    /**
     * Jira's issue URL, for links opened in a new tab: the issue inside the sandbox
     * frame.
     */
    @GetMapping("/browse/{issueKey}")
    String browse(@PathVariable String issueKey) {
        if (!issueKey.matches("[A-Z][A-Z0-9_]*-\\d+")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/sandbox/frame?module=value-context&issue=" + issueKey;
    }

    record SampleIssue(String key, String description) {
    }

}
