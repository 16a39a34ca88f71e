package dev.throughline.theme.store;

import dev.throughline.jira.PropertyValue;
import dev.throughline.theme.Horizon;
import dev.throughline.theme.Quarter;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeColor;
import dev.throughline.theme.ThemeStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeJiraStoreTest {

    @Test
    void fiveHundredLargestThemesFitInShardsUnderJirasLimit() {
        List<Theme> themes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            themes.add(new Theme(Integer.toString(i, 36) + "zzzzzz", ("Théme " + i + " ").repeat(10).substring(0, 80),
                    "d".repeat(2000), ThemeColor.PURPLE, ThemeStatus.ACTIVE, Horizon.values()[i % 3],
                    Optional.of(new Quarter(2027, 1)), Optional.of(new Quarter(2028, 4)), "ö".repeat(500),
                    Optional.of("557058:0a1b2c3d-4e5f-6789-abcd-ef0123456789"), i, 999_999));
        }

        List<PropertyValue> shards = ThemeJiraStore.shard(themes);

        int total = 0;
        for (PropertyValue shard : shards) {
            assertThat(shard.json().getBytes(StandardCharsets.UTF_8).length).isLessThan(32_768);
            total += ((List<?>) shard.asMap().get("themes")).size();
        }
        assertThat(total).isEqualTo(500);
        System.out.printf("500 worst-case themes: %d index shards%n", shards.size());
    }

    @Test
    void noThemesIsOneEmptyShard() {
        assertThat(ThemeJiraStore.shard(List.of())).containsExactly(PropertyValue.ofMap(Map.of("themes", List.of())));
    }

}
