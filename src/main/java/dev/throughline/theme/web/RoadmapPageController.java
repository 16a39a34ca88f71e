package dev.throughline.theme.web;

import dev.throughline.problems.JiraKeys;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * The roadmap: a project page (jiraProjectPages "roadmap-project") and the site-wide
 * general page ("roadmap"). Board and timeline views and the print view are one page; its
 * script reads /api/themes/progress.
 */
@Controller
class RoadmapPageController {

    @GetMapping("/pages/roadmap")
    String roadmap(Caller caller, @RequestParam Optional<String> projectKey, Model model) {
        projectKey.ifPresent(key -> JiraKeys.requireProjectKey("projectKey", key));
        model.addAttribute("projectKey", projectKey.orElse(""));
        return "roadmap";
    }

}
