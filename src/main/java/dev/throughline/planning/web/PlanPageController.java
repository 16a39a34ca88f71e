package dev.throughline.planning.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Plan page (general page "plan", the Forge global page's sub-page "plan"): a
 * program's stored plan as a timeline of periods × teams, moved and previewed before it
 * is saved, and its scenarios compared with it. Its script reads
 * /api/programs/{id}/plans….
 */
@Controller
class PlanPageController {

    @GetMapping("/pages/plan")
    String plan() {
        return "plan";
    }

}
