package dev.throughline.theme.web;

import dev.throughline.problems.StaleVersionException;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.IssueThemeChange;
import dev.throughline.theme.LinkSelection;
import dev.throughline.theme.Placement;
import dev.throughline.theme.Theme;
import dev.throughline.theme.web.ThemeAnswers.Deleted;
import dev.throughline.theme.web.ThemeAnswers.IssueThemesJson;
import dev.throughline.theme.web.ThemeAnswers.LinkAnswer;
import dev.throughline.theme.web.ThemeAnswers.OwnerChoices;
import dev.throughline.theme.web.ThemeAnswers.ThemeList;
import dev.throughline.theme.ThemeDraft;
import dev.throughline.theme.service.LinkResult;
import dev.throughline.theme.service.PartialLinkException;
import dev.throughline.theme.service.ThemeInUseException;
import dev.throughline.theme.service.ThemeLinkService;
import dev.throughline.theme.service.ThemeService;
import dev.throughline.web.ApiExceptionHandler;
import dev.throughline.web.PartialAnswer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;

import static dev.throughline.web.RequestJson.plainFields;
import java.util.Map;

/** The roadmap-theme API (context JWT, as every /api/** endpoint). */
@RestController
class ThemeController {

    private final ThemeService themes;

    private final ThemeLinkService links;

    ThemeController(ThemeService themes, ThemeLinkService links) {
        this.themes = themes;
        this.links = links;
    }

    @GetMapping("/api/themes")
    ThemeList list(Caller caller) {
        return ThemeList.of(themes.list(caller).stream().map(ThemeJson::listed).toList());
    }

    /** The owner picker: people whose name starts with {@code query} (planners only). */
    @GetMapping("/api/themes/owners")
    OwnerChoices owners(Caller caller, @RequestParam(defaultValue = "") String query) {
        return OwnerChoices.of(themes.ownerCandidates(caller, query));
    }

    @GetMapping("/api/themes/{id}")
    ThemeJson get(Caller caller, @PathVariable String id) {
        return ThemeJson.full(themes.get(caller, id));
    }

    @PostMapping("/api/themes")
    ResponseEntity<ThemeJson> create(Caller caller, @RequestBody ObjectNode body) {
        Theme created = themes.create(caller, ThemeDraft.parse(plainFields(body), false));
        return ResponseEntity.status(HttpStatus.CREATED).body(ThemeJson.full(created));
    }

    @PutMapping("/api/themes/{id}")
    ThemeJson update(Caller caller, @PathVariable String id, @RequestBody ObjectNode body) {
        return ThemeJson.full(themes.update(caller, id, ThemeDraft.parse(plainFields(body), true)));
    }

    @PostMapping("/api/themes/{id}/placement")
    ThemeJson place(Caller caller, @PathVariable String id, @RequestBody ObjectNode body) {
        return ThemeJson.full(themes.place(caller, id, Placement.parse(plainFields(body))));
    }

    @DeleteMapping("/api/themes/{id}")
    Deleted delete(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "false") boolean unlink) {
        return new Deleted(true, themes.delete(caller, id, unlink));
    }

    @PostMapping("/api/themes/{id}/links")
    ResponseEntity<LinkAnswer> link(Caller caller, @PathVariable String id, @RequestBody ObjectNode body) {
        return answer(links.link(caller, id, LinkSelection.parse(plainFields(body))), true, "");
    }

    @PostMapping("/api/themes/{id}/unlink")
    ResponseEntity<LinkAnswer> unlink(Caller caller, @PathVariable String id, @RequestBody ObjectNode body) {
        return answer(links.unlink(caller, id, LinkSelection.parse(plainFields(body))), false, "");
    }

    @GetMapping("/api/issues/{issueKey}/themes")
    IssueThemesJson issueThemes(Caller caller, @PathVariable String issueKey) {
        return IssueThemesJson.of(links.issueThemes(caller, issueKey));
    }

    @PostMapping("/api/issues/{issueKey}/themes")
    IssueThemesJson changeIssueThemes(Caller caller, @PathVariable String issueKey, @RequestBody ObjectNode body) {
        return IssueThemesJson.of(links.changeIssueThemes(caller, issueKey, IssueThemeChange.parse(plainFields(body))));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(Theme.class).map(ThemeJson::full).orElse(null));
    }

    @ExceptionHandler(ThemeInUseException.class)
    ResponseEntity<Map<String, Object>> inUse(ThemeInUseException e) {
        Map<String, Object> body = new LinkedHashMap<>(
                ApiExceptionHandler.answer(HttpStatus.CONFLICT, e.getMessage(), List.of()).getBody());
        body.put("linkedIssues", e.linkedIssues());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(PartialLinkException.class)
    ResponseEntity<LinkAnswer> partlyUnlinked(PartialLinkException e) {
        return answer(e.result(), false, " The theme was kept.");
    }

    /**
     * 200 with the counts; 207 with {@link PartialAnswer} fields when Jira failed part
     * way through the batches ({@code more} added to its message).
     */
    private static ResponseEntity<LinkAnswer> answer(LinkResult result, boolean linking, String more) {
        if (!result.partial()) {
            return ResponseEntity.ok(LinkAnswer.of(linking, result));
        }
        return ResponseEntity.status(PartialAnswer.STATUS).body(LinkAnswer.of(linking, result).withMessage(more));
    }

}
