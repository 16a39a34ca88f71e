package dev.throughline.scoring.service;

import dev.throughline.problems.JiraKeys;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.scoring.ScoreInputs;
import dev.throughline.scoring.ValueRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One requested score write: {@code {model, inputs, version}} (and {@code issueKey} in
 * bulk), field-checked.
 */
public record ValueWrite(String issueKey, String model, Map<String, ?> inputs, long version) {

    private static final Set<String> FIELDS = Set.of("model", "inputs", "version");

    private static final Set<String> BULK_FIELDS = Set.of("issueKey", "model", "inputs", "version");

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

    public static ValueWrite parse(String issueKey, Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        ValueWrite write = parse(issueKey, body, "", FIELDS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return write;
    }

    /**
     * {@code {items: [{issueKey, model, inputs, version}, ...]}}, 1 to 100 items, every
     * field checked.
     */
    public static List<ValueWrite> parseBulk(Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet()
            .stream()
            .filter(key -> !key.equals("items"))
            .sorted()
            .forEach(key -> errors.add(new FieldError(key, "is not a field of a bulk request")));
        if (!(body.get("items") instanceof List<?> items) || items.isEmpty()
                || items.size() > IssueValueService.MAX_BULK) {
            errors.add(new FieldError("items", "Send a list of 1 to " + IssueValueService.MAX_BULK + " items"));
            throw new InvalidInputException(errors);
        }
        List<ValueWrite> writes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ValueWrite write = parseBulkItem(items.get(i), "items[" + i + "]", errors);
            if (write != null) {
                writes.add(write);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return writes;
    }

    private static ValueWrite parseBulkItem(Object item, String at, List<FieldError> errors) {
        if (!(item instanceof Map<?, ?> map)) {
            errors.add(new FieldError(at, "must be an object"));
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> body = (Map<String, ?>) map;
        Object key = body.get("issueKey");
        if (!(key instanceof String issueKey) || !JiraKeys.isIssueKey(issueKey)) {
            errors.add(new FieldError(at + ".issueKey", "must be an issue key such as WEB-12"));
            return null;
        }
        return parse(issueKey, body, at + ".", BULK_FIELDS, errors);
    }

    private static ValueWrite parse(String issueKey, Map<String, ?> body, String at, Set<String> allowed,
            List<FieldError> errors) {
        int before = errors.size();
        body.keySet()
            .stream()
            .filter(key -> !allowed.contains(key))
            .sorted()
            .forEach(key -> errors.add(new FieldError(at + key, "is not a field of a score")));
        Object model = body.get("model");
        if (!(model instanceof String)) {
            errors.add(new FieldError(at + "model", "Model is required, e.g. \"RICE\""));
        }
        Object inputs = body.get("inputs");
        if (!(inputs instanceof Map<?, ?>)) {
            errors.add(new FieldError(at + "inputs", "Inputs must be an object of input name to number"));
        }
        Object version = body.get("version");
        boolean wholeVersion = version instanceof Integer || version instanceof Long;
        if (!wholeVersion || ((Number) version).longValue() < 0) {
            errors.add(new FieldError(at + "version",
                    "Version is required: the version you read, or 0 for an unscored issue"));
        }
        if (errors.size() > before) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> inputMap = (Map<String, ?>) inputs;
        return new ValueWrite(issueKey, (String) model, inputMap, ((Number) version).longValue());
    }
}
