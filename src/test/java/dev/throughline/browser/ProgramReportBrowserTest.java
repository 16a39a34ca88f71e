package dev.throughline.browser;

import dev.throughline.sandboxsite.SandboxSiteRuntime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramReportBrowserTest extends SandboxBrowserTest {

    @Test
    void theProgramReportDrawsItsChartsAndForecast() {
        Browser b = browser();
        b.open(frame("programs"));
        b.intoApp();
        b.waitForText("#progress-text", Pattern.compile("% complete"));
        b.waitForText("#summary-facts", Pattern.compile("50 %: week of \\d{4}-\\d{2}-\\d{2}"));
        for (String chart : new String[] { "burnup-chart", "forecast-chart" }) {
            Object drawn = b.script("var c = document.getElementById(arguments[0]);"
                    + " return !!(window.Chart && Chart.getChart(c)) && c.width > 0 && c.height > 0;", chart);
            assertThat(drawn).as(chart + " is drawn by Chart.js").isEqualTo(true);
        }
        assertThat(b.visible("#dependency-list").findElements(By.cssSelector("li"))).isNotEmpty();

        // each summary term sits in one cell with its value, not spread over the grid
        Object pairsTogether = b.script("var pairs = document.querySelectorAll('#summary-facts > div');"
                + " return pairs.length === 4 && Array.prototype.every.call(pairs, function (p) {"
                + " var t = p.querySelector('dt').getBoundingClientRect(), v = p.querySelector('dd').getBoundingClientRect();"
                + " return Math.abs(t.left - v.left) < 1 && v.top >= t.bottom - 1; });");
        assertThat(pairsTogether).as("summary terms stand above their values").isEqualTo(true);
        // epics: named by key and summary, with their own 85 % forecast
        WebElement epics = b.visible("section[aria-labelledby='group-epics'] table");
        assertThat(epics.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText)).contains("Epic",
                "Done by (85 %)");
        String firstEpic = epics.findElement(By.cssSelector("tbody th")).getText();
        assertThat(firstEpic).matches("[A-Z]+-\\d+ \\S.*");
        assertThat(epics.findElements(By.cssSelector("tbody td")).stream().map(WebElement::getText))
            .anyMatch(text -> text.matches("week of \\d{4}-\\d{2}-\\d{2}|done|no throughput|beyond 10 years"));
        WebElement themes = b.visible("section[aria-labelledby='group-themes'] table");
        assertThat(themes.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText))
            .contains("Done by (85 %)");

        // the charts follow a theme picked above them: its burn-up ends at the theme's
        // item count
        Select scope = new Select(b.visible("#chart-scope"));
        assertThat(scope.getOptions()).hasSizeGreaterThan(1);
        String themeName = scope.getOptions().get(1).getText().replace("Theme: ", "");
        scope.selectByIndex(1);
        b.waitForText("#burnup-title", Pattern.compile(Pattern.quote(themeName)));
        Object themeScope = b
            .script("var d = Chart.getChart(document.getElementById('burnup-chart')).data.datasets[0].data;"
                    + " return String(d[d.length - 1]);");
        WebElement themeRow = themes.findElements(By.cssSelector("tbody tr"))
            .stream()
            .filter(row -> row.findElement(By.cssSelector("th")).getText().equals(themeName))
            .findFirst()
            .orElseThrow();
        assertThat(themeScope).isEqualTo(themeRow.findElements(By.cssSelector("td")).get(0).getText());
        assertThat(b.visible("#forecast-title").getText()).contains(themeName);
        scope.selectByIndex(0);
        b.until(d -> !d.findElement(By.id("burnup-title")).getText().contains(themeName));

        WebElement sort = b.visible("#groups button.sort");
        String header = (String) b.script("return arguments[0].closest('th').getAttribute('aria-sort');", sort);
        b.script("arguments[0].focus();", sort);
        b.press(Keys.ENTER);
        b.until(d -> !String.valueOf(b.script("return arguments[0].closest('th').getAttribute('aria-sort');", sort))
            .equals(String.valueOf(header)));

        b.screenshot("program-report");
        assertNoConsoleErrors();
    }

    @Test
    void aReadOnlyUserSeesTheReportButNoControlsThatChangePrograms() {
        Browser b = browser();
        b.open(frame("programs", "user", SandboxSiteRuntime.VIEWER));
        b.intoApp();
        b.clickable("#program-picker");
        b.waitForText("#planning-reason", Pattern.compile("^Only Jira administrators and the planners named in "
                + "Throughline settings can change themes and programs\\.$"));

        for (String control : new String[] { "new-program-toggle", "program-edit", "program-delete" }) {
            assertThat(b.driver().findElement(By.id(control)).isDisplayed()).as(control).isFalse();
        }
        assertNoConsoleErrors();
    }

    @Test
    void aProgramIsEditedAndDeletedFromThePageWithTheKeyboard() {
        String created = createAsAdmin("{\"name\":\"Mobile only\",\"projects\":[\"MOB\"]}");
        Browser b = browser();
        b.open(frame("programs"));
        b.intoApp();
        new Select(b.clickable("#program-picker")).selectByValue(created);
        b.waitForText("#progress-text", Pattern.compile("% complete"));

        b.script("document.getElementById('program-edit').focus();");
        b.press(Keys.ENTER);
        WebElement name = b.visible("#np-name");
        name.clear();
        name.sendKeys("Mobile app only");
        b.tabTo("program-save", 20);
        b.press(Keys.ENTER);
        b.until(d -> d.findElement(By.cssSelector("#program-picker option[value='" + created + "']"))
            .getText()
            .startsWith("Mobile app only"));

        b.script("document.getElementById('program-delete').focus();");
        b.press(Keys.ENTER);
        b.visible("#program-delete-confirm-button").click();
        b.until(d -> d.findElements(By.cssSelector("#program-picker option[value='" + created + "']")).isEmpty());
        assertThat(api("GET", "/api/programs/" + created, null).status()).isEqualTo(404);
        assertNoConsoleErrors();
    }

    @Test
    void anInvalidProgramShowsItsErrorsAndSavesNothing() {
        Browser b = openReport();
        b.script("document.getElementById('new-program-toggle').focus();");
        b.press(Keys.ENTER);
        b.visible("#np-name").sendKeys("Bad launch");
        b.visible("#np-projects").sendKeys("WEB, NOPE");
        b.visible("#np-jql").sendKeys("issuetype = = Bug");
        b.tabTo("program-save", 20);
        b.press(Keys.ENTER);

        b.waitForText("#np-error-projects", Pattern.compile("There is no project NOPE that you may browse"));
        assertThat(b.visible("#np-projects").getAttribute("aria-invalid")).isEqualTo("true");
        WebElement projects = b.visible("#np-projects");
        projects.clear();
        projects.sendKeys("WEB");
        b.tabTo("program-save", 20);
        b.press(Keys.ENTER);
        b.waitForText("#np-error-jql", Pattern.compile("Jira cannot read this refinement"));
        b.screenshot("program-invalid");

        assertThat(api("GET", "/api/programs", null).body()).doesNotContain("Bad launch");
        assertNoConsoleErrors(Pattern.compile("/api/programs.*400"));
    }

    @Test
    void withSeveralProgramsThePageOpensTheLastViewedOneNotAnEmptyBox() {
        String second = createAsAdmin("{\"name\":\"Aaa web only\",\"projects\":[\"WEB\"]}");
        Browser b = openReport();
        String opened = new Select(b.visible("#program-picker")).getFirstSelectedOption().getAttribute("value");
        assertThat(opened).as("a program is open without choosing one").isNotEmpty();

        new Select(b.clickable("#program-picker")).selectByValue(second);
        b.waitForText("#progress-text", Pattern.compile("% complete"));
        openReport();
        assertThat(new Select(b.visible("#program-picker")).getFirstSelectedOption().getAttribute("value"))
            .as("the program viewed last opens again")
            .isEqualTo(second);
        assertNoConsoleErrors();
    }

    /** The programs page with a report open (the page opens one by itself). */
    private Browser openReport() {
        Browser b = browser();
        b.open(frame("programs"));
        b.intoApp();
        b.waitForText("#progress-text", Pattern.compile("% complete"));
        return b;
    }

    private String createAsAdmin(String body) {
        return api("POST", "/api/programs", body).json().path("id").asText();
    }

}
