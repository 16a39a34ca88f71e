package dev.throughline.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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
        for (String chart : new String[] {"burnup-chart", "forecast-chart"}) {
            Object drawn = b.script("var c = document.getElementById(arguments[0]);"
                    + " return !!(window.Chart && Chart.getChart(c)) && c.width > 0 && c.height > 0;", chart);
            assertThat(drawn).as(chart + " is drawn by Chart.js").isEqualTo(true);
        }
        assertThat(b.visible("#dependency-list").findElements(By.cssSelector("li"))).isNotEmpty();

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
    void aProgramIsEditedAndDeletedFromThePageWithTheKeyboard() {
        String created = new dev.throughline.support.AppUnderTest(port).post("/api/programs",
                "{\"name\":\"Mobile only\",\"projects\":[\"MOB\"]}", sandbox.site().contextToken("admin"))
                .json().path("id").asText();
        Browser b = browser();
        b.open(frame("programs"));
        b.intoApp();
        new org.openqa.selenium.support.ui.Select(b.visible("#program-picker")).selectByValue(created);
        b.waitForText("#progress-text", Pattern.compile("% complete"));

        b.script("document.getElementById('program-edit').focus();");
        b.press(Keys.ENTER);
        WebElement name = b.visible("#np-name");
        name.clear();
        name.sendKeys("Mobile app only");
        b.tabTo("program-save", 20);
        b.press(Keys.ENTER);
        b.until(d -> d.findElement(By.cssSelector("#program-picker option[value='" + created + "']")).getText()
                .startsWith("Mobile app only"));

        b.script("document.getElementById('program-delete').focus();");
        b.press(Keys.ENTER);
        b.visible("#program-delete-confirm-button").click();
        b.until(d -> d.findElements(By.cssSelector("#program-picker option[value='" + created + "']")).isEmpty());
        assertThat(new dev.throughline.support.AppUnderTest(port).get("/api/programs/" + created,
                sandbox.site().contextToken("admin")).status()).isEqualTo(404);
        assertNoConsoleErrors();
    }
}
