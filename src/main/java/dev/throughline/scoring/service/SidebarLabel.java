package dev.throughline.scoring.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.scoring.ModelCatalog;
import dev.throughline.scoring.Score;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.store.ScoringJiraStore;

import java.util.Optional;

/**
 * The sidebar label ("RICE 200") is derived from the stored score and written after it.
 * When that second write fails the score stands and the label is stale; the next read of
 * the issue's value re-derives it and writes it again where it disagrees, so a saved
 * score is never reported lost because of its label.
 */
final class SidebarLabel {

    static final String PENDING_NOTE = "Score saved. Jira did not take the sidebar label this time; it will be "
            + "refreshed the next time this issue's value is read.";

    private SidebarLabel() {
    }

    static String of(ScoringModel model, ValueRecord record) {
        String name = model.name().length() > 20 ? model.name().substring(0, 19) + "…" : model.name();
        return name + " " + Score.round(record.score()).toPlainString();
    }

    /**
     * Writes the label of {@code value} when the one stored on {@code issue} (read with
     * the label property) differs; a value whose model is gone or re-defined keeps
     * whatever label it has until it is re-scored.
     */
    static void repairIfStale(ScoringJiraStore store, JiraClient client, JiraIssue issue, Optional<ValueRecord> value,
            ModelCatalog catalog) {
        if (value.isEmpty()) {
            return;
        }
        Optional<ScoringModel> model = catalog.find(value.get().model())
            .filter(m -> m.version() == value.get().modelVersion());
        if (model.isEmpty()) {
            return;
        }
        String derived = of(model.get(), value.get());
        Optional<String> stored = issue.property(store.glanceStatusKey()).flatMap(ScoringJiraStore::storedLabel);
        if (!stored.equals(Optional.of(derived))) {
            store.writeLabel(client, issue.key(), derived);
        }
    }

}
