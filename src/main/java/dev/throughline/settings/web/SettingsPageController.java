package dev.throughline.settings.web;

import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Throughline's configure page (the descriptor's configurePage "settings"). Jira links to
 * it from Manage apps for admins only, but anyone can open the URL, so the page asks Jira
 * itself: non-admins get a notice, no form.
 */
@Controller
class SettingsPageController {

    private final SiteSettingsService settings;

    SettingsPageController(SiteSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/admin/settings")
    String settings(Caller caller, Model model) {
        model.addAttribute("admin", settings.isAdministrator(caller));
        return "settings";
    }

}
