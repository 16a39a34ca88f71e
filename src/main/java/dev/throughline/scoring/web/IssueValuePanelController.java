package dev.throughline.scoring.web;

import dev.throughline.scoring.service.IssueKeys;
import dev.throughline.tenant.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The issue sidebar panel (the jiraIssueContexts module "value-context"). Jira signs the iframe URL, so this
 * page takes a request-bound JWT; the page's script then calls /api with context tokens.
 */
@Controller
class IssueValuePanelController {

    private final String allJsUrl;

    IssueValuePanelController(@Value("${throughline.connect.all-js-url}") String allJsUrl) {
        this.allJsUrl = allJsUrl;
    }

    @GetMapping("/panels/issue-value")
    String panel(Caller caller, @RequestParam String issueKey, Model model) {
        model.addAttribute("issueKey", IssueKeys.require(issueKey));
        model.addAttribute("allJsUrl", allJsUrl);
        return "issue-value";
    }
}
