package dev.throughline.grooming;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.grooming.web.ModelChangeRequest;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as the API receives it, read by the web layer's request reader. */
    private static ModelChange parse(Map<String, ?> body) {
        return ModelChangeRequest.from(JSON.valueToTree(body));
    }

    @Test
    void anIssuesOwnInputsOverrideTheSharedOnes() {
        ModelChange change = parse(Map.of("model", "ICE", "inputs", Map.of("impact", 5, "ease", 2), "items",
                List.of(Map.of("issueKey", "WEB-1", "version", 0),
                        Map.of("issueKey", "WEB-2", "version", 4, "inputs", Map.of("ease", 9, "confidence", 3)))));

        assertThat(change.inputsOf(change.items().get(0))).isEqualTo(Map.of("impact", 5, "ease", 2));
        assertThat(change.inputsOf(change.items().get(1))).isEqualTo(Map.of("impact", 5, "ease", 9, "confidence", 3));
        assertThat(change.issueKeys()).containsExactly("WEB-1", "WEB-2");
        assertThat(change.items().get(1).version()).isEqualTo(4);
    }

    @Test
    void moreThanAHundredIssuesAreRefused() {
        List<Object> items = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            items.add(Map.of("issueKey", "WEB-" + i, "version", 0));
        }
        InvalidInputException e = catchThrowableOfType(() -> parse(Map.of("model", "ICE", "items", items)),
                InvalidInputException.class);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("items");
    }

    @Test
    void aVersionMustBeAWholeNumber() {
        InvalidInputException e = catchThrowableOfType(
                () -> parse(
                        Map.of("model", "ICE", "items", List.of(Map.of("issueKey", "WEB-1", "version", 1.5), "WEB-2"))),
                InvalidInputException.class);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[0].version", "items[1]");
    }

}
