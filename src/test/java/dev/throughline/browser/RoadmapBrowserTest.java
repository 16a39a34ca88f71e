package dev.throughline.browser;

import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandboxsite.SandboxSiteRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RoadmapBrowserTest extends SandboxBrowserTest {

    @Test
    void createAThemeLinkAnEpicAndMoveItBetweenHorizonsFromTheKeyboard() {
        String epic = sandbox.data()
            .issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && i.projectKey().equals("PLAT"))
            .map(SandboxIssue::key)
            .skip(2)
            .findFirst()
            .orElseThrow();
        Browser b = browser();
        b.open(frame("roadmap"));
        b.intoApp();
        b.visible(".column[data-horizon='NOW'] .card");

        b.tabTo("new-theme-toggle", 12);
        b.press(Keys.ENTER);
        b.visible("#nt-name").sendKeys("Partner API");
        new Select(b.visible("#nt-horizon")).selectByValue("later");
        b.visible("#nt-name").sendKeys(Keys.ENTER);
        WebElement card = card(b, "LATER", "Partner API");

        card.findElement(By.cssSelector("details.link-work summary")).sendKeys(Keys.ENTER);
        WebElement jql = card.findElement(By.cssSelector("details.link-work input"));
        b.until(d -> jql.isDisplayed());
        jql.sendKeys("key = " + epic);
        card.findElement(By.xpath(".//details//button[normalize-space()='Link']")).click();
        b.waitForText("#roadmap-message", Pattern.compile("linked 1"));
        b.until(d -> card(b, "LATER", "Partner API").getText().contains("Epics: " + epic));

        WebElement earlier = card(b, "LATER", "Partner API")
            .findElement(By.cssSelector("button[aria-label='Move Partner API earlier']"));
        b.script("arguments[0].focus();", earlier);
        b.press(Keys.ENTER);
        card(b, "NEXT", "Partner API");
        assertThat(horizonOf("Partner API")).as("the move is saved in Jira").isEqualTo("NEXT");

        b.screenshot("roadmap-board");
        b.intoApp();
        b.clickable("#show-timeline").click();
        b.visible("#timeline-grid");
        b.screenshot("roadmap-timeline");
        assertNoConsoleErrors();
    }

    @Test
    void exportCsvDownloadsTheThemesThroughTheDoorThePageRunsIn() {
        Browser b = browser();
        b.open(frame("roadmap"));
        b.intoApp();
        b.visible(".column[data-horizon='NOW'] .card");
        // The file a click saves is caught where the page hands it to the browser: its
        // blob's text.
        b.script("window.__csv = null; URL.createObjectURL = function (blob) {"
                + " blob.text().then(function (text) { window.__csv = text; }); return 'data:text/csv,'; };");
        b.clickable("#export-csv").click();
        b.until(d -> b.script("return window.__csv;") != null);

        String csv = (String) b.script("return window.__csv;");
        assertThat(csv.lines().findFirst().orElse("")).as("the CSV's header row").contains("Theme").contains("Horizon");
        assertThat(csv.lines().count()).as("a row per theme below the header").isGreaterThan(1);
        assertNoConsoleErrors();
    }

    @Test
    void aReadOnlyUserSeesTheBoardWithoutControlsThatChangeThemesAndTheReason() {
        Browser b = browser();
        b.open(frame("roadmap", "user", SandboxSiteRuntime.VIEWER));
        b.intoApp();
        b.visible(".column[data-horizon='NOW'] .card");
        b.waitForText("#planning-reason", Pattern
            .compile("^Only Jira administrators and the planners named in Throughline settings can change themes"));

        assertThat(b.driver().findElement(By.id("new-theme-toggle")).isDisplayed()).isFalse();
        assertThat(b.driver().findElements(By.cssSelector(".card button[aria-label^='Move ']"))).as("move buttons")
            .isEmpty();
        assertThat(draggingOn(b)).as("dragging is on").isFalse();
        b.screenshot("roadmap-read-only");
        assertNoConsoleErrors();
    }

    @Test
    void aPlannerWhoIsNoJiraAdministratorSeesEveryControl() {
        Browser b = browser();
        b.open(frame("roadmap", "user", SandboxSiteRuntime.PLANNER));
        b.intoApp();
        b.visible(".column[data-horizon='NOW'] .card button[aria-label^='Move ']");

        assertThat(b.visible("#new-theme-toggle").isDisplayed()).isTrue();
        assertThat(b.driver().findElement(By.id("planning-reason")).isDisplayed()).isFalse();
        assertThat(draggingOn(b)).as("dragging is on").isTrue();
        assertNoConsoleErrors();
    }

    /**
     * Whether every board column lets cards be dragged (SortableJS's own switch), or none
     * does.
     */
    private static boolean draggingOn(Browser b) {
        Object states = b.script("return Array.prototype.map.call(document.querySelectorAll('.cards'),"
                + " function (list) { return !Sortable.get(list).option('disabled'); }).join();");
        assertThat(states).as("every column alike").isIn("true,true,true", "false,false,false");
        return states.equals("true,true,true");
    }

    private static WebElement card(Browser b, String horizon, String name) {
        return b.until(d -> d.findElements(By.cssSelector(".column[data-horizon='" + horizon + "'] .card"))
            .stream()
            .filter(c -> c.findElement(By.tagName("h4")).getText().equals(name))
            .findFirst()
            .orElse(null));
    }

    private String horizonOf(String name) {
        JsonNode themes = api("GET", "/api/themes", null).json();
        for (JsonNode theme : themes.path("themes")) {
            if (theme.path("name").asText().equals(name)) {
                return theme.path("horizon").asText();
            }
        }
        throw new AssertionError("no theme " + name + " in " + themes);
    }

}
