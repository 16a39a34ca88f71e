package dev.throughline.theme.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.throughline.theme.ThemeProgress;
import dev.throughline.theme.ThemeProgress.ModelValue;
import dev.throughline.theme.service.ThemeProgressService.ThemeRow;
import dev.throughline.web.StaleJson;

import java.math.BigDecimal;
import java.util.List;

/**
 * One theme of the progress board: the listed theme's fields, its progress, its linked
 * epics and its owner's name (null when unknown).
 */
record ThemeProgressJson(@JsonUnwrapped ThemeJson theme, Progress progress, List<String> linkedEpics,
        String ownerName) {

    static ThemeProgressJson of(ThemeRow row) {
        ThemeProgress p = row.progress();
        return new ThemeProgressJson(ThemeJson.listed(row.theme()),
                new Progress(p.itemsDone(), p.itemsTotal(), p.pointsDone(), p.pointsTotal(), p.valueDone(),
                        p.valueTotal(), p.overdue(), p.hiddenItems(), p.status().name(), p.reason(), p.noLinkedWork(),
                        p.stale(), p.valueByModel(), p.otherProjectItems()),
                row.linkedEpics(), row.ownerName().orElse(null));
    }

    /**
     * {@code valueDone} and {@code valueTotal} add every model's scores and stay for the
     * API's existing clients; pages show {@code valueByModel}, which never adds unlike
     * scores. {@code otherProjectItems}: in a project's view, the theme's items in other
     * projects the viewer may browse (0 on the all-projects board).
     */
    record Progress(int itemsDone, int itemsTotal, double pointsDone, double pointsTotal, BigDecimal valueDone,
            BigDecimal valueTotal, int overdue, int hiddenItems, String status, String reason, boolean noLinkedWork,
            boolean stale, List<ModelValue> valueByModel, int otherProjectItems) {
    }

    /**
     * The board: every theme with its progress; {@code stale} only when it is the
     * viewer's last board, Jira's quota being used up.
     */
    record Board(List<ThemeProgressJson> themes, @JsonInclude(JsonInclude.Include.NON_NULL) StaleJson stale) {
    }

}
