package dev.throughline.program.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The program report: a Jira report (jiraReports "program-report") and a general page
 * ("programs"). One page picks or creates a program and shows its rollup; its script
 * reads /api/programs and /api/programs/{id}/rollup.
 */
@Controller
class ProgramsPageController {

    @GetMapping("/pages/programs")
    String programs() {
        return "programs";
    }

}
