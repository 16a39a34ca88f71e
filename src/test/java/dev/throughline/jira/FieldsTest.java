package dev.throughline.jira;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class FieldsTest extends JiraWireMockTest {

    private static final String FIELDS = "/rest/api/3/field";

    private static final String CONFIGURATION = "/rest/agile/1.0/board/7/configuration";

    private static final String STORY_POINTS_TYPE = "com.pyxis.greenhopper.jira:jsw-story-points";

    private static String field(String id, String name, String custom) {
        return "{'id':'" + id + "','name':'" + name + "','custom':true,'schema':{'type':'number','custom':'" + custom
                + "','customId':1}}";
    }

    private static final String NO_ESTIMATION_FIELD = "{'id':7,'name':'Kanban','estimation':{'type':'issueCount'}}";

    @Test
    void fieldsAreReadWithTheirSchema() {
        stub(get(urlPathEqualTo(FIELDS)).willReturn(okJson(q("["
                + field("customfield_10016", "Story point estimate", STORY_POINTS_TYPE)
                + ",{'id':'summary','name':'Summary','custom':false,'schema':{'type':'string','system':'summary'}}]"))));

        assertThat(client.fields()).containsExactly(
                new JiraField("customfield_10016", "Story point estimate", true, Optional.of("number"),
                        Optional.of(STORY_POINTS_TYPE)),
                new JiraField("summary", "Summary", false, Optional.of("string"), Optional.empty()));
    }

    @Test
    void storyPointsComeFromTheBoardsEstimationFieldFirst() {
        stub(get(urlPathEqualTo(CONFIGURATION)).willReturn(okJson(q(BoardsTest.CONFIGURATION))));

        assertThat(client.storyPointsFieldId(7)).contains("customfield_10016");
        jira.verify(exactly(0), getRequestedFor(urlPathEqualTo(FIELDS)));
    }

    @Test
    void storyPointsFallBackToTheStoryPointsFieldTypeBeforeNames() {
        stub(get(urlPathEqualTo(CONFIGURATION)).willReturn(okJson(q(NO_ESTIMATION_FIELD))));
        stub(get(urlPathEqualTo(FIELDS)).willReturn(okJson(q("[" + field("customfield_1", "Story Points", "x:float")
                + "," + field("customfield_2", "Effort", STORY_POINTS_TYPE) + "]"))));

        assertThat(client.storyPointsFieldId(7)).contains("customfield_2");
    }

    @Test
    void storyPointsFallBackToWellKnownNamesLast() {
        stub(get(urlPathEqualTo(CONFIGURATION)).willReturn(okJson(q(NO_ESTIMATION_FIELD))));
        stub(get(urlPathEqualTo(FIELDS)).willReturn(okJson(q("[" + field("customfield_1", "Effort", "x:float") + ","
                + field("customfield_3", "Story point estimate", "x:float") + "]"))));

        assertThat(client.storyPointsFieldId(7)).contains("customfield_3");
    }

    @Test
    void storyPointsMayBeMissing() {
        stub(get(urlPathEqualTo(FIELDS))
            .willReturn(okJson(q("[" + field("customfield_1", "Effort", "x:float") + "]"))));

        assertThat(client.storyPointsFieldId()).isEmpty();
    }

    @Test
    void storyPointsDiscoveryIsCachedPerBoard() {
        stub(get(urlPathEqualTo(CONFIGURATION)).willReturn(okJson(q(NO_ESTIMATION_FIELD))));
        stub(get(urlPathEqualTo(FIELDS))
            .willReturn(okJson(q("[" + field("customfield_2", "Effort", STORY_POINTS_TYPE) + "]"))));

        client.storyPointsFieldId(7);
        client.storyPointsFieldId(7);
        client.storyPointsFieldId();

        jira.verify(exactly(1), getRequestedFor(urlPathEqualTo(CONFIGURATION)));
        jira.verify(exactly(1), getRequestedFor(urlPathEqualTo(FIELDS)));
    }

}
