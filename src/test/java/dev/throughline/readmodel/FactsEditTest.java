package dev.throughline.readmodel;

import dev.throughline.readmodel.IssueFacts.Level;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** An edit names one issue held in place before and after; a range runs forward. */
class FactsEditTest {

    private static IssueFacts facts(long id, String key, String project, String summary) {
        return new IssueFacts(id, key, project, summary, Level.STANDARD, "new", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), 0, List.of(), List.of(), true);
    }

    @Test
    void anEditInPlaceIsAccepted() {
        assertThatNoException()
            .isThrownBy(() -> new FactsEdit(3, facts(7, "APP-7", "APP", "a"), facts(7, "APP-7", "APP", "b")));
    }

    @Test
    void anotherIssueProjectOrKeyIsNoEditInPlace() {
        IssueFacts before = facts(7, "APP-7", "APP", "a");
        assertThatThrownBy(() -> new FactsEdit(3, before, facts(8, "APP-7", "APP", "b")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FactsEdit(3, before, facts(7, "WEB-7", "WEB", "b")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FactsEdit(3, before, facts(7, "APP-70", "APP", "b")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FactsEdit(3, before, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FactsEdit(0, before, before)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRangeRunsForwardFromZero() {
        assertThatNoException().isThrownBy(() -> new FactsEdit.Range(4, 4));
        assertThatThrownBy(() -> new FactsEdit.Range(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FactsEdit.Range(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

}
