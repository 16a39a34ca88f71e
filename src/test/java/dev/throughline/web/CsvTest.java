package dev.throughline.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV cells a spreadsheet would run as a formula are defused with a leading apostrophe.
 */
class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\u0000=1", "\u001f=1", "\u0001" })
    void cellStartingWithAFormulaSignOrAControlCharacterIsDefused(String value) {
        assertThat(Csv.cell(value)).matches("(?s)\"?'.*");
    }

    @Test
    void nulBeforeAnEqualsSignIsDefused() {
        assertThat(Csv.cell("\u0000=1")).isEqualTo("'\u0000=1");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(Csv.cell("Checkout redesign")).isEqualTo("Checkout redesign");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(Csv.line(Stream.of("a,b", "say \"hi\"", "x"))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",x\r\n");
    }

}
