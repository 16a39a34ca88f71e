package dev.throughline.theme.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.throughline.theme.ThemeColor;
import dev.throughline.theme.service.LinkResult;
import dev.throughline.theme.service.ThemeLinkService.IssueThemes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The JSON answers of the theme API besides a theme itself ({@link ThemeJson}). */
final class ThemeAnswers {

    private ThemeAnswers() {
    }

    /** The themes in board order, with the palette a theme's colour comes from. */
    record ThemeList(List<ThemeJson> themes, List<Swatch> palette) {

        static ThemeList of(List<ThemeJson> themes) {
            return new ThemeList(themes,
                    Arrays.stream(ThemeColor.values()).map(c -> new Swatch(c.name(), c.hex())).toList());
        }

    }

    record Swatch(String key, String hex) {
    }

    record Deleted(boolean deleted, long unlinkedIssues) {
    }

    /** The owner picker's choices, in Jira's order. */
    record OwnerChoices(List<Person> users) {

        static OwnerChoices of(Map<String, String> found) {
            return new OwnerChoices(found.entrySet().stream().map(e -> new Person(e.getKey(), e.getValue())).toList());
        }

    }

    record Person(String accountId, String displayName) {
    }

    /**
     * {@code inherited}: themes the issue belongs to through its parent ({@code via}).
     */
    record IssueThemesJson(String issueKey, boolean editable, List<ThemeJson> linked, List<ThemeJson> available,
            List<InheritedJson> inherited) {

        static IssueThemesJson of(IssueThemes result) {
            return new IssueThemesJson(result.issueKey(), result.editable(),
                    result.linked().stream().map(ThemeJson::listed).toList(),
                    result.available().stream().map(ThemeJson::listed).toList(),
                    result.inherited()
                        .stream()
                        .map(i -> new InheritedJson(i.via(), ThemeJson.listed(i.theme())))
                        .toList());
        }

    }

    record InheritedJson(String via, ThemeJson theme) {
    }

    /**
     * A link or unlink: {@code linked} or {@code unlinked} (the other absent), skipped,
     * failed and hidden; when Jira failed part way (207) also the fields of
     * {@code web/PartialAnswer} and a {@code message}, absent otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LinkAnswer(Integer linked, Integer unlinked, int skipped, List<Failed> failed, int hidden, Boolean partial,
            String action, Counted applied, Counted notApplied, Counted unknown, String reason, String message) {

        static LinkAnswer of(boolean linking, LinkResult result) {
            Integer changed = result.linked();
            String verb = linking ? "linked" : "unlinked";
            List<Failed> failed = result.failed().stream().map(f -> new Failed(f.issueKey(), f.reason())).toList();
            if (!result.partial()) {
                return new LinkAnswer(linking ? changed : null, linking ? null : changed, result.skipped(), failed,
                        result.hidden(), null, null, null, null, null, null, null);
            }
            String reason = result.reason().orElseThrow();
            String message = result.linked() + " of " + result.attempted() + " issues " + verb + "; "
                    + result.notLinked().size() + " not " + verb
                    + (result.unknown().isEmpty() ? "" : ", " + result.unknown().size() + " unknown")
                    + ": Jira failed (" + reason + "). Reload to see the current state.";
            return new LinkAnswer(linking ? changed : null, linking ? null : changed, result.skipped(), failed,
                    result.hidden(), true, "reread", Counted.of(result.linkedKeys()), Counted.of(result.notLinked()),
                    Counted.of(result.unknown()), reason, message);
        }

        LinkAnswer withMessage(String more) {
            return new LinkAnswer(linked, unlinked, skipped, failed, hidden, partial, action, applied, notApplied,
                    unknown, reason, message + more);
        }

    }

    record Failed(String issueKey, String reason) {
    }

    record Counted(int count, List<String> keys) {

        static Counted of(List<String> keys) {
            return new Counted(keys.size(), List.copyOf(keys));
        }

    }

}
