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
}
