package dev.throughline.program.web;

import dev.throughline.support.SliceAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ProgramsPageController.class)
@AutoConfigureMockMvc(addFilters = false)
class ProgramsPageControllerTest {

    @Autowired
    MockMvc mvc;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    private String page() throws Exception {
        MvcResult result = mvc.perform(get("/pages/programs").with(SliceAuth.pageUser("pgm-1")))
            .andExpect(status().isOk())
            .andReturn();
        return result.getResponse().getContentAsString();
    }

    @Test
    void everyFormControlHasALabel() throws Exception {
        String html = page();

        Matcher controls = Pattern.compile("<(input|select)[^>]*\\bid=\"([^\"]+)\"").matcher(html);
        int count = 0;
        while (controls.find()) {
            count++;
            assertThat(html).as("label for " + controls.group(2)).contains("<label for=\"" + controls.group(2) + "\"");
        }
        assertThat(count).isEqualTo(9);
        assertThat(html).contains("<label for=\"np-projects\">Project keys (comma-separated)</label>",
                "<label for=\"program-picker\"", "<label for=\"chart-scope\">Charts for</label>",
                "aria-labelledby=\"program-form-title\"", "aria-controls=\"new-program\"");
        for (String field : new String[] { "name", "projects", "jql", "progressBasis", "throughputWeeks",
                "includeSubtasks", "scopeGrowth" }) {
            assertThat(html).contains("id=\"np-error-" + field + "\"");
        }
        assertThat(html).contains(">Refresh</button>", ">Export CSV</button>");
    }

    @Test
    void editAndDeleteAreButtonsWithAConfirmationAndAVersionErrorPlace() throws Exception {
        String html = page();

        assertThat(html).contains(
                "id=\"program-edit\" aria-expanded=\"false\" aria-controls=\"new-program\" disabled hidden>Edit program</button>",
                "id=\"program-delete\" aria-expanded=\"false\" aria-controls=\"program-delete-confirm\" disabled hidden>Delete program</button>",
                "id=\"program-delete-confirm\" class=\"confirm\" hidden role=\"alertdialog\"",
                "id=\"program-delete-confirm-button\">Delete</button>", "id=\"program-delete-cancel\">Cancel</button>",
                "id=\"np-error-version\"", "id=\"program-save\">Create program</button>");
    }

    @Test
    void controlsThatChangeProgramsStayHiddenUntilThePageKnowsTheViewerMayPlan() throws Exception {
        String html = page();

        assertThat(html).contains("class=\"planner-only\" id=\"new-program-toggle\"",
                "class=\"secondary planner-only\" id=\"program-edit\"",
                "class=\"secondary danger planner-only\" id=\"program-delete\"",
                "<p id=\"planning-reason\" class=\"subtle\" hidden></p>");
        assertThat(html).containsPattern("id=\"new-program-toggle\"[^>]* hidden>New program</button>");
    }

    @Test
    void chartsComeFromTheChartJsWebJarBeforeThePageScript() throws Exception {
        String html = page();

        int chart = html.indexOf("/webjars/chart.js/4.4.1/dist/chart.umd.js");
        int api = html.indexOf("/js/connect-api.js");
        int script = html.indexOf("/js/programs.js");
        assertThat(chart).isPositive();
        assertThat(api).isGreaterThan(chart);
        assertThat(script).isGreaterThan(api);
        assertThat(html).contains("id=\"burnup-chart\" role=\"img\" aria-labelledby=\"burnup-title\"",
                "id=\"forecast-chart\" role=\"img\" aria-labelledby=\"forecast-title\"", "/css/programs.css");
    }

    @Test
    void emptyStateLoadingAndLandmarks() throws Exception {
        String html = page();

        assertThat(html).contains("No programs yet: create one", "role=\"status\"", "Loading programs",
                "<main id=\"programs\"", "aria-label=\"Progress by group\"", "aria-labelledby=\"summary-title\"",
                "aria-labelledby=\"dependencies-title\"", "role=\"progressbar\"", "aria-label=\"Red flags\"",
                "role=\"alert\"", "docs/rollup-rules.md");
    }

}
