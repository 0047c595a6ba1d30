package org.claimwire.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Ask me anything" page in a real browser (issue 6): the seed story goes through the whole pipeline
 * (ingest → nlp → query), then headless Chromium asks the three questions through the page at query-service's
 * {@code /}, checks the cited sources, follows a citation to its sentence in the story, and saves screenshots
 * under {@code target/}. Skipped (assumption) only when Debian's chromium / chromium-driver are not installed.
 */
class AskBrowserTest {
    private static Pipeline pipeline;
    private static WebDriver driver;
    private static SeedBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = SeedBrowser.get(); // the pipeline with the seed story and the browser, shared with AnalystBrowserTest
        pipeline = browser.pipeline();
        driver = browser.driver();
    }

    @Test
    void asksTheThreeQuestionsThroughThePageAndFollowsACitation() throws Exception {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1600));
        driver.get(pipeline.query().baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-input")));
        // the input is labelled and the answer region is announced
        assertThat(driver.findElement(By.cssSelector("label[for=ask-input]")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("answer-region")).getAttribute("aria-live")).isEqualTo("polite");

        // 1. Did Trump and Putin speak by phone? — every side, cited
        ask(wait, "Did Trump and Putin speak by phone?");
        List<WebElement> cites = driver.findElements(By.cssSelector("#citations .citation"));
        assertThat(cites).isNotEmpty();
        assertThat(cites).anySatisfy(c -> {
            assertThat(c.getAttribute("data-speaker")).isEqualTo("Donald Trump");
            assertThat(c.getAttribute("data-stance")).isEqualTo("ASSERTS");
            assertThat(c.getText()).contains("New York Post");
        });
        assertThat(cites).anySatisfy(c -> {
            assertThat(c.getAttribute("data-speaker")).contains("Peskov");
            assertThat(c.getAttribute("data-stance")).isEqualTo("NEITHER_CONFIRMS_NOR_DENIES");
        });
        assertThat(cites).anySatisfy(c -> {
            assertThat(c.getAttribute("data-speaker")).contains("White House");
            assertThat(c.getAttribute("data-stance")).isEqualTo("NO_RESPONSE");
        });
        assertEverySentenceCited(driver.findElement(By.id("answer-text")).getText());
        assertThat(driver.findElements(By.cssSelector("#perspectives .perspective")).size()).isGreaterThan(1);
        List<WebElement> related = driver.findElements(By.cssSelector("#related button.related-question"));
        assertThat(related.size()).isBetween(3, 6);
        screenshot("ask-did-trump-and-putin-speak.png");

        // a citation leads to its sentence, highlighted in the story
        WebElement trump = cites.stream().filter(c -> "ASSERTS".equals(c.getAttribute("data-stance"))
                && "Donald Trump".equals(c.getAttribute("data-speaker"))).findFirst().orElseThrow();
        String citedText = trump.findElement(By.cssSelector("a.cite-link")).getText().replace("“", "").replace("”", "");
        trump.findElement(By.cssSelector("a.cite-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cited")));
        String marked = String.join("", driver.findElements(By.cssSelector("#story-body mark.cited")).stream()
                .map(WebElement::getText).toList());
        assertThat(citedText).contains(marked.strip());
        assertThat(marked).contains("phone conversation");
        assertThat(driver.findElements(By.cssSelector("#story-body a.mention"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#story-body .claim.ASSERTS"))).isNotEmpty();
        screenshot("ask-citation-in-story.png");

        // a related question is clickable and answered with citations
        driver.navigate().back();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#related button.related-question")));
        WebElement firstRelated = driver.findElements(By.cssSelector("#related button.related-question")).get(0);
        String relatedQ = firstRelated.getText();
        firstRelated.click();
        wait.until(d -> relatedQ.equals(d.findElement(By.id("ask-input")).getAttribute("value"))
                && !d.findElements(By.cssSelector("#citations .citation")).isEmpty());
        assertEverySentenceCited(driver.findElement(By.id("answer-text")).getText());

        // 2. Who is Dmitry Peskov? — from the learned title
        ask(wait, "Who is Dmitry Peskov?");
        String who = driver.findElement(By.id("answer-text")).getText();
        assertThat(who).contains("Kremlin spokesman");
        assertThat(driver.findElements(By.cssSelector("#citations .citation")))
                .anySatisfy(c -> assertThat(c.getText()).contains("Kremlin spokesman"));
        assertEverySentenceCited(who);
        screenshot("ask-who-is-peskov.png");

        // 3. When will Trump meet Zelensky? — "next week", from Trump's Friday statement
        ask(wait, "When will Trump meet Zelensky?");
        String when = driver.findElement(By.id("answer-text")).getText();
        assertThat(when).contains("next week");
        WebElement first = driver.findElements(By.cssSelector("#citations .citation")).get(0);
        assertThat(first.getAttribute("data-speaker")).isEqualTo("Donald Trump");
        assertThat(first.getText()).contains("next week");
        assertEverySentenceCited(when);
        screenshot("ask-when-trump-meets-zelensky.png");

        // keyboard: the ask box is reachable and submits with Enter
        WebElement input = driver.findElement(By.id("ask-input"));
        input.clear();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('answer-region').innerHTML = '';");
        input.sendKeys("Did the Pope visit Antarctica?\n");
        wait.until(d -> d.findElement(By.id("answer-text")).getText().contains("No stored claim"));
        assertThat(driver.findElements(By.cssSelector("#citations .citation"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#related button.related-question"))).isNotEmpty();

        // phone width: nothing overflows horizontally
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        ask(wait, "Did Trump and Putin speak by phone?");
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertThat(overflow).isEqualTo(Boolean.FALSE);
        screenshot("ask-phone-width.png");
    }

    private static void ask(WebDriverWait wait, String question) {
        // forget the previous answer so the waits below see this question's
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('answer-region').innerHTML = '';");
        WebElement input = driver.findElement(By.id("ask-input"));
        input.clear();
        input.sendKeys(question);
        driver.findElement(By.id("ask-button")).click();
        wait.until(d -> question.equals(d.findElement(By.id("ask-input")).getAttribute("value"))
                && !d.findElements(By.id("answer-text")).isEmpty()
                && "false".equals(d.findElement(By.id("answer-region")).getAttribute("aria-busy")));
        // the region shows the answer to this question (not a previous one)
        wait.until(d -> !d.findElements(By.cssSelector("#citations .citation")).isEmpty()
                || d.findElement(By.id("answer-text")).getText().contains("No stored claim"));
    }

    private static void assertEverySentenceCited(String answer) {
        assertThat(answer).endsWith("].");
        for (String s : answer.split("(?<=\\]\\.)\\s+")) {
            assertThat(s).as(answer).matches("(?s).+?(\\[\\d+\\])+\\.");
        }
    }

    private static void screenshot(String name) throws Exception {
        browser.screenshot(name);
    }


}
