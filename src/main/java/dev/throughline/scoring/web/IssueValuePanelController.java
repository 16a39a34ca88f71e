package dev.throughline.scoring.web;

import dev.throughline.problems.JiraKeys;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The issue sidebar panel (the jiraIssueContexts module "value-context"). Jira signs the
 * iframe URL, so this page takes a request-bound JWT; the page's script then calls /api
 * with context tokens.
 */
@Controller
class IssueValuePanelController {

    @GetMapping("/panels/issue-value")
    String panel(Caller caller, @RequestParam String issueKey, Model model) {
        model.addAttribute("issueKey", JiraKeys.requireIssueKey("issueKey", issueKey));
        return "issue-value";
    }

}
