package dev.throughline.program.store;

import dev.throughline.catalog.CatalogFormat;
import dev.throughline.catalog.CatalogStore;
import dev.throughline.jira.JiraClient;
import dev.throughline.program.ProgramCatalog;
import dev.throughline.program.ProgramCodec;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramSummary;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Programs in Jira app properties, through the one {@link CatalogStore}: {@code throughline.program.<id>} holds
 * each program in full (500 project keys of 20 characters and 2,000 characters of JQL stay under 15 KB), and the
 * index ({@code throughline.programs.index} naming its shards {@code throughline.programs.index.<n>}) lists every
 * program without its project keys and JQL. An index stored unsharded by an older version still reads.
 */
@Component
public class ProgramJiraStore {

    private static final CatalogStore<ProgramDefinition, ProgramSummary> STORE = new CatalogStore<>(new Format());

    public ProgramCatalog catalog(JiraClient jira) {
        return new ProgramCatalog(STORE.entries(jira));
    }

    public Optional<ProgramDefinition> program(JiraClient jira, String id) {
        return STORE.item(jira, id);
    }

    /** Stores {@code saved} (new or changed), then the index of {@code all} programs after the save. */
    public void save(JiraClient jira, ProgramDefinition saved, List<ProgramSummary> all) {
        STORE.save(jira, List.of(saved), all);
    }

    public void delete(JiraClient jira, String id, List<ProgramSummary> remaining) {
        STORE.delete(jira, id, remaining);
    }

    /** A program in full in its own property; in the index, its summary. */
    private static final class Format implements CatalogFormat<ProgramDefinition, ProgramSummary> {

        @Override
        public String indexKey() {
            return "throughline.programs.index";
        }

        @Override
        public String itemPrefix() {
            return "throughline.program.";
        }

        @Override
        public String entriesField() {
            return "programs";
        }

        @Override
        public String id(ProgramDefinition item) {
            return item.id();
        }

        @Override
        public Map<String, Object> toItem(ProgramDefinition item) {
            return ProgramCodec.toMap(item);
        }

        @Override
        public ProgramDefinition fromItem(Map<String, ?> map) {
            return ProgramCodec.fromMap(map);
        }

        @Override
        public Map<String, Object> toEntry(ProgramSummary entry) {
            return ProgramCodec.toIndexMap(entry);
        }

        @Override
        public ProgramSummary fromEntry(Map<String, ?> map) {
            return ProgramCodec.summaryFromMap(map);
        }
    }
}
