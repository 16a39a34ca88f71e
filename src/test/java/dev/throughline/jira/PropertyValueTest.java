package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertyValueTest {

    @Test
    void sameJsonWithDifferentSpacingIsEqual() {
        assertThat(PropertyValue.ofJson("{ \"a\" : 1 }")).isEqualTo(PropertyValue.ofJson("{\"a\":1}"));
        assertThat(PropertyValue.ofJson("{ \"a\" : 1 }").json()).isEqualTo("{\"a\":1}");
    }

    @Test
    void mapsRoundTrip() {
        PropertyValue value = PropertyValue.ofMap(Map.of("score", 3, "tags", List.of("x", "y")));
        assertThat(value.asMap()).containsEntry("score", 3).containsEntry("tags", List.of("x", "y"));
        assertThat(value.isObject()).isTrue();
    }

    @Test
    void asMapIsUnmodifiable() {
        Map<String, Object> map = PropertyValue.ofJson("{\"a\":{\"b\":[1]}}").asMap();
        assertThatThrownBy(() -> map.put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) map.get("a");
        assertThatThrownBy(() -> inner.put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidJsonIsRefused() {
        assertThatThrownBy(() -> PropertyValue.ofJson("{a:1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PropertyValue.ofJson("{} {}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesOver32KilobytesAreRefused() {
        String big = "\"" + "x".repeat(PropertyValue.MAX_BYTES) + "\"";
        assertThatThrownBy(() -> PropertyValue.ofJson(big)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalarsAreValuesButNotMaps() {
        PropertyValue value = PropertyValue.ofJson("42");
        assertThat(value.isObject()).isFalse();
        assertThatThrownBy(value::asMap).isInstanceOf(IllegalStateException.class);
    }

}
