package dev.throughline.theme.web;

import dev.throughline.problems.StaleVersionException;
import dev.throughline.tenant.Caller;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCodec;
import dev.throughline.theme.ThemeColor;
import dev.throughline.theme.ThemeDraft;
import dev.throughline.theme.service.LinkResult;
import dev.throughline.theme.service.PartialLinkException;
import dev.throughline.theme.service.ThemeInUseException;
import dev.throughline.theme.service.ThemeLinkService;
import dev.throughline.theme.service.ThemeService;
import dev.throughline.web.ApiExceptionHandler;
import dev.throughline.web.PartialAnswer;
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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
    Map<String, Object> list(Caller caller) {
        return Map.of("themes", themes.list(caller).stream().map(ThemeCodec::toIndexMap).toList(), "palette",
                Arrays.stream(ThemeColor.values()).map(c -> Map.of("key", c.name(), "hex", c.hex())).toList());
    }

    @GetMapping("/api/themes/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return ThemeCodec.toMap(themes.get(caller, id));
    }

    @PostMapping("/api/themes")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody Map<String, Object> body) {
        Theme created = themes.create(caller, ThemeDraft.parse(body, false));
        return ResponseEntity.status(HttpStatus.CREATED).body(ThemeCodec.toMap(created));
    }

    @PutMapping("/api/themes/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
        return ThemeCodec.toMap(themes.update(caller, id, ThemeDraft.parse(body, true)));
    }

    @PostMapping("/api/themes/{id}/placement")
    Map<String, Object> place(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
        return ThemeCodec.toMap(themes.place(caller, id, body));
    }

    @DeleteMapping("/api/themes/{id}")
    Map<String, Object> delete(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean unlink) {
        long unlinked = themes.delete(caller, id, unlink);
        return Map.of("deleted", true, "unlinkedIssues", unlinked);
    }

    @PostMapping("/api/themes/{id}/links")
    ResponseEntity<Map<String, Object>> link(Caller caller, @PathVariable String id,
            @RequestBody Map<String, Object> body) {
        return result("linked", links.link(caller, id, body));
    }

    @PostMapping("/api/themes/{id}/unlink")
    ResponseEntity<Map<String, Object>> unlink(Caller caller, @PathVariable String id,
            @RequestBody Map<String, Object> body) {
        return result("unlinked", links.unlink(caller, id, body));
    }

    @GetMapping("/api/issues/{issueKey}/themes")
    Map<String, Object> issueThemes(Caller caller, @PathVariable String issueKey) {
        return issueThemes(links.issueThemes(caller, issueKey));
    }

    @PostMapping("/api/issues/{issueKey}/themes")
    Map<String, Object> changeIssueThemes(Caller caller, @PathVariable String issueKey,
            @RequestBody Map<String, Object> body) {
        return issueThemes(links.changeIssueThemes(caller, issueKey, body));
    }

    private static Map<String, Object> issueThemes(ThemeLinkService.IssueThemes result) {
        return Map.of("issueKey", result.issueKey(), "editable", result.editable(), "linked",
                result.linked().stream().map(ThemeCodec::toIndexMap).toList(), "available",
                result.available().stream().map(ThemeCodec::toIndexMap).toList());
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(StaleVersionException e) {
        return ApiExceptionHandler.stale(e, e.current(Theme.class).map(ThemeCodec::toMap).orElse(null));
    }

    @ExceptionHandler(ThemeInUseException.class)
    ResponseEntity<Map<String, Object>> inUse(ThemeInUseException e) {
        Map<String, Object> body = new LinkedHashMap<>(
                ApiExceptionHandler.answer(HttpStatus.CONFLICT, e.getMessage(), List.of()).getBody());
        body.put("linkedIssues", e.linkedIssues());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(PartialLinkException.class)
    ResponseEntity<Map<String, Object>> partlyUnlinked(PartialLinkException e) {
        ResponseEntity<Map<String, Object>> answer = result("unlinked", e.result());
        Map<String, Object> body = new LinkedHashMap<>(answer.getBody());
        body.put("message", body.get("message") + " The theme was kept.");
        return ResponseEntity.status(answer.getStatusCode()).body(body);
    }

    /**
     * 200 with the counts; 207 with {@link PartialAnswer} fields when Jira failed part
     * way through the batches.
     */
    private static ResponseEntity<Map<String, Object>> result(String changed, LinkResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(changed, result.linked());
        json.put("skipped", result.skipped());
        json.put("failed",
                result.failed().stream().map(f -> Map.of("issueKey", f.issueKey(), "reason", f.reason())).toList());
        json.put("hidden", result.hidden());
        if (!result.partial()) {
            return ResponseEntity.ok(json);
        }
        String reason = result.reason().orElseThrow();
        json.putAll(PartialAnswer.fields(result.linkedKeys(), result.notLinked(), result.unknown(), reason));
        json.put("message",
                result.linked() + " of " + result.attempted() + " issues " + changed + "; " + result.notLinked().size()
                        + " not " + changed
                        + (result.unknown().isEmpty() ? "" : ", " + result.unknown().size() + " unknown")
                        + ": Jira failed (" + reason + "). Reload to see the current state.");
        return ResponseEntity.status(PartialAnswer.STATUS).body(json);
    }

}
