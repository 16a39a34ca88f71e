package dev.throughline.grooming.store;

import dev.throughline.grooming.ApplyJournal;
import dev.throughline.grooming.UndoOrder;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The undo point of one user on one board, in the Jira app property
 * {@code throughline.grooming.undo.<boardId>.<first 16 hex of SHA-256(accountId)>} of the
 * site: it survives restarts and works with several app instances, and Jira keeps it with
 * the site's other app data. Besides the order to restore it holds, while an apply is
 * unfinished, its journal ({@link ApplyJournal}: target, plan start, steps done, where
 * they left the backlog), written before the first rank call, so the same request sent
 * again - after an outage or a crash of the app part way - resumes instead of being
 * refused as a conflicting change.
 */
@Component
public class UndoJiraStore {

    static final String PREFIX = "throughline.grooming.undo.";

    /** The format of the journal kept beside the undo point; see {@link #journal}. */
    static final int JOURNAL_VERSION = 2;

    /** The undo point, and while an apply or undo is unfinished its journal. */
    public record Saved(List<String> undo, Optional<ApplyJournal> pending, Instant savedAt) {
        public Saved {
            undo = List.copyOf(undo);
        }
    }

    public Optional<Saved> read(JiraClient client, long boardId, String accountId) {
        return client.getProperty(PropertyTarget.app(), key(boardId, accountId))
            .filter(PropertyValue::isObject)
            .map(value -> {
                Map<String, Object> map = value.asMap();
                Optional<ApplyJournal> pending = map.get("target") instanceof String target
                        && map.get("leftAt") instanceof String leftAt
                                ? Optional.of(journal(map, UndoOrder.decode(target), UndoOrder.decode(leftAt)))
                                : Optional.empty();
                Instant at = map.get("savedAt") instanceof String text ? Instant.parse(text) : Instant.EPOCH;
                return new Saved(UndoOrder.decode(String.valueOf(map.getOrDefault("undo", ""))), pending, at);
            });
    }

    /**
     * Saves the undo point (and the pending apply, when it still fits the 32 KB
     * property); false when even the undo point alone is too large (about 6,000 issues),
     * in which case nothing is saved.
     */
    public boolean write(JiraClient client, long boardId, String accountId, Saved saved) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("undo", UndoOrder.encode(saved.undo()));
        map.put("savedAt", saved.savedAt().toString());
        Optional<PropertyValue> value = fits(map);
        if (value.isEmpty()) {
            return false;
        }
        if (saved.pending().isPresent()) {
            ApplyJournal journal = saved.pending().get();
            map.put("journal", JOURNAL_VERSION);
            map.put("target", UndoOrder.encode(journal.target()));
            map.put("leftAt", UndoOrder.encode(journal.leftAt()));
            if (!journal.start().equals(journal.leftAt())) {
                map.put("start", UndoOrder.encode(journal.start()));
            }
            map.put("stepsDone", journal.stepsDone());
            Optional<PropertyValue> undoOnly = value;
            value = fits(map).or(() -> undoOnly);
        }
        client.putProperty(PropertyTarget.app(), key(boardId, accountId), value.get());
        return true;
    }

    /**
     * A journal as stored: version 2 holds {@code start} (when it differs from
     * {@code leftAt}) and {@code stepsDone}; version 1 (no {@code journal} field) held
     * only the target and where the run left the backlog.
     */
    private static ApplyJournal journal(Map<String, Object> map, List<String> target, List<String> leftAt) {
        List<String> start = map.get("start") instanceof String text ? UndoOrder.decode(text) : leftAt;
        int stepsDone = map.get("stepsDone") instanceof Number number ? number.intValue() : 0;
        return new ApplyJournal(target, start, stepsDone, leftAt);
    }

    public void delete(JiraClient client, long boardId, String accountId) {
        client.deleteProperty(PropertyTarget.app(), key(boardId, accountId));
    }

    public static String key(long boardId, String accountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + boardId + "." + HexFormat.of().formatHex(digest).substring(0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<PropertyValue> fits(Map<String, Object> map) {
        try {
            return Optional.of(PropertyValue.ofMap(map));
        }
        catch (IllegalArgumentException tooLarge) {
            return Optional.empty();
        }
    }

}
