package dev.throughline.grooming.web;

import dev.throughline.problems.InvalidInputException;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The grooming page (jiraProjectPages "grooming"): the product owner's value-ordered backlog. */
@Controller
class GroomingPageController {

    @GetMapping("/pages/grooming")
    String grooming(Caller caller, @RequestParam String projectKey, Model model) {
        if (!projectKey.matches("[A-Z][A-Z0-9_]{0,254}")) {
            throw new InvalidInputException("projectKey", "must be a project key such as WEB");
        }
        model.addAttribute("projectKey", projectKey);
        return "grooming";
    }
}
