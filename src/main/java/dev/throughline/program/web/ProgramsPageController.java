package dev.throughline.program.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The program report: a Jira report (jiraReports "program-report") and a general page ("programs"). One page picks or
 * creates a program and shows its rollup; its script reads /api/programs and /api/programs/{id}/rollup.
 */
@Controller
class ProgramsPageController {

    private final String allJsUrl;

    ProgramsPageController(@Value("${throughline.connect.all-js-url}") String allJsUrl) {
        this.allJsUrl = allJsUrl;
    }

    @GetMapping("/pages/programs")
    String programs(Model model) {
        model.addAttribute("allJsUrl", allJsUrl);
        return "programs";
    }
}
