package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchPageReaderTest {

    private static SearchPage read(String json) {
        return JiraReaders.searchPage(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keysAndTokenAreReadWithoutParsingTheIssuesWhichMatchThemWhenUsed() {
        SearchPage page = read(
                """
                        {"issues":[{"id":"1","key":"WEB-1","fields":{"summary":"a","issuelinks":[{"inwardIssue":{"key":"X-9"}}]},
                        "properties":{"throughline.value":{"score":5,"key":"not-this"}}},
                        {"id":"3","fields":{"summary":"key last"},"key":"WEB-3"}],
                        "nextPageToken":"t2","isLast":false}""");

        assertThat(page.keys()).containsExactly("WEB-1", "WEB-3");
        assertThat(page.nextPageToken()).contains("t2");
        assertThat(page.issues()).extracting(JiraIssue::key).containsExactly("WEB-1", "WEB-3");
        assertThat(page.issues().get(0).fields().summary()).contains("a");
        assertThat(page.issues().get(0).properties()).containsKey("throughline.value");
    }

    @Test
    void isLastWinsOverATokenAndAMissingTokenEndsTheSearch() {
        assertThat(read("{\"issues\":[],\"nextPageToken\":\"t\",\"isLast\":true}").isLast()).isTrue();
        assertThat(read("{\"issues\":[{\"key\":\"A-1\"}]}").isLast()).isTrue();
        assertThat(read("").keys()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonFailsAtOnce() {
        assertThatThrownBy(() -> read("{\"issues\":[")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> read("{\"issues\":[]} {}")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anEagerPageKeepsItsIssues() {
        JiraIssue issue = new JiraIssue("1", "A-1", IssueFields.none(), Map.of());
        SearchPage page = new SearchPage(List.of(issue), Optional.empty());
        assertThat(page.keys()).containsExactly("A-1");
        assertThat(page.issues()).containsExactly(issue);
    }

}
