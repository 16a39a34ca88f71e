package dev.throughline.grooming.web;

import dev.throughline.problems.JiraKeys;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The grooming page (jiraProjectPages "grooming"): the product owner's value-ordered
 * backlog.
 */
@Controller
class GroomingPageController {

    @GetMapping("/pages/grooming")
    String grooming(Caller caller, @RequestParam String projectKey, Model model) {
        JiraKeys.requireProjectKey("projectKey", projectKey);
        model.addAttribute("projectKey", projectKey);
        return "grooming";
    }

}
