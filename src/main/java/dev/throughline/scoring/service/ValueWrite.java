package dev.throughline.scoring.service;

import dev.throughline.scoring.ScoreInputs;
import dev.throughline.scoring.ValueRecord;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One requested score write: {@code {model, inputs, version}} (and {@code issueKey} in
 * bulk), read from the request by {@code web/ScoreRequest}.
 */
public record ValueWrite(String issueKey, String model, Map<String, ?> inputs, long version) {

    public ValueWrite {
        Objects.requireNonNull(issueKey, "issueKey");
        Objects.requireNonNull(model, "model");
        inputs = Map.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }

    /**
     * Whether {@code stored} is what this write produced: one version on from the version
     * it carried, by the same user, with the same model and inputs. Then a repeat of the
     * write (the first answer was lost) is answered as the success it was, not as a
     * conflict.
     */
    boolean isSavedAs(ValueRecord stored, ScoreInputs parsed, String accountId) {
        return stored.version() == version + 1 && stored.updatedBy().equals(accountId) && stored.model().equals(model)
                && sameNumbers(stored.inputs(), parsed.values());
    }

    private static boolean sameNumbers(Map<String, BigDecimal> stored, Map<String, BigDecimal> sent) {
        return stored.keySet().equals(sent.keySet())
                && stored.entrySet().stream().allMatch(e -> e.getValue().compareTo(sent.get(e.getKey())) == 0);
    }
}
