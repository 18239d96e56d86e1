package dev.scenariohub.system;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static dev.scenariohub.system.Browsers.check;
import static dev.scenariohub.system.Browsers.signIn;
import static dev.scenariohub.system.Browsers.signOut;
import static dev.scenariohub.system.Browsers.text;
import static dev.scenariohub.system.Browsers.type;
import static dev.scenariohub.system.Browsers.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole journey in real browsers, through the gateway, as the people do it: an
 * officer creates a program and a scenario and publishes it; an enterprise signs in,
 * registers and, once the officer has verified it, applies and submits; the officer
 * closes the scenario and assigns a reviewer, who scores the proposal blind; the officer
 * awards (provisionally, for the standstill period); the enterprise, whose workspace
 * stays open, sees the notification arrive live and its application shortlisted (the
 * award is final after the standstill period). Two browsers with profiles of their own:
 * the enterprise's, in Chinese, and the officer's, in English, in which the reviewer also
 * signs in.
 */
class ConsoleJourneySystemTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static WebDriver enterprise;

	private static WebDriver officer;

	@BeforeAll
	static void openBrowsers() {
		enterprise = Browsers.open("zh-CN,zh");
		officer = Browsers.open("en");
	}

	@AfterAll
	static void closeBrowsers() {
		for (WebDriver browser : new WebDriver[] { enterprise, officer }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void anOfficerPublishesAnEnterpriseAppliesAReviewerScoresBlindAndTheAwardArrivesLive() {
		String gateway = Stack.get().gatewayUrl();
		String programName = "Journey program " + RUN;
		String title = "Journey scenario " + RUN;
		String enterpriseName = "Journey Robotics " + RUN;
		String summary = "Seam inspection with edge cameras " + RUN;

		// the officer: a program, a scenario in it, published
		signIn(officer, "demo-officer");
		officer.findElement(By.linkText("Open the officer desk")).click();
		waitFor(officer, By.id("verify-heading"));
		check(officer, "20-desk");
		officer.findElement(By.linkText("New program")).click();
		type(officer, "name", programName);
		type(officer, "authority", "Haizhu District AI Development Bureau");
		setValue(officer, "startsOn", "2026-01-01");
		setValue(officer, "endsOn", "2027-12-31");
		type(officer, "funding", "1000000.00");
		type(officer, "compute", "1000");
		check(officer, "21-program-form");
		officer.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(officer, By.cssSelector("a[aria-label='New scenario: " + programName + "']")).click();

		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
		type(officer, "title", title);
		new Select(officer.findElement(By.id("sector"))).selectByValue("SMART_MANUFACTURING");
		type(officer, "demandOwner", "Zhongda textile workshops");
		type(officer, "description", "Find seam defects with cameras on the line");
		type(officer, "capabilities", "computer-vision, journey-" + RUN);
		type(officer, "funding", "100000.00");
		type(officer, "computeGpuHours", "10");
		setValue(officer, "opensAt", now.minusHours(1).format(LOCAL));
		setValue(officer, "closesAt", now.plusDays(20).format(LOCAL));
		type(officer, "criterionKey-0", "fit");
		type(officer, "criterionName-0", "Technical fit");
		type(officer, "criterionWeight-0", "100");
		type(officer, "criterionAnchors-0",
				"Not addressed\nBarely\nPartly\nMostly\nFinds most defects\nFinds every defect");
		check(officer, "22-scenario-form");
		officer.findElement(By.cssSelector("main form button[type=submit]")).click();
		assertThat(waitFor(officer, By.id("scenario-status")).getText()).isEqualTo("Draft");
		String scenarioPage = officer.getCurrentUrl();
		String scenarioId = scenarioPage.substring(scenarioPage.lastIndexOf('/') + 1);
		officer.findElement(By.id("action-publish")).click();
		awaitText(officer, By.id("scenario-status"), "Open for applications");
		check(officer, "23-scenario-desk-open");

		// the enterprise registers; the officer verifies it
		signIn(enterprise, "demo-enterprise-1");
		enterprise.findElement(By.cssSelector("a[href='/workspace/enterprises/new']")).click();
		type(enterprise, "name", enterpriseName);
		type(enterprise, "creditCode", ApplyAndReviewSystemTest.freshCreditCode());
		new Select(enterprise.findElement(By.id("category"))).selectByValue("SPECIALIZED_INNOVATIVE");
		type(enterprise, "district", "Haizhu");
		type(enterprise, "capabilities", "computer-vision");
		type(enterprise, "contactName", "Zhou Min");
		type(enterprise, "contactEmail", "zhou.min@example.com");
		enterprise.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(enterprise, By.xpath("//li[a[@class='name' and text()='" + enterpriseName + "']]"));
		enterprise.findElement(By.linkText(enterpriseName)).click();
		awaitText(enterprise, By.tagName("h1"), enterpriseName);
		assertThat(text(enterprise)).contains("demo-enterprise-1", "待认证");
		check(enterprise, "31-enterprise-page");
		enterprise.get(gateway + "/workspace/settings");
		waitFor(enterprise, By.id("save-preferences"));
		check(enterprise, "32-settings");

		officer.get(gateway + "/workspace/desk");
		waitFor(officer, By.cssSelector("button[aria-label='Verify " + enterpriseName + "']")).click();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> officer.getCurrentUrl().endsWith("/workspace/desk")
					&& !text(officer).contains(enterpriseName));

		// the enterprise applies from the scenario's public page, and submits
		String enterpriseToken = Stack.token("demo-enterprise-1");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stack
				.call("GET", "/api/v1/matches/open-scenarios/" + scenarioId, enterpriseToken, null, Map.of())
				.status() == 200);
		enterprise.get(gateway + "/scenarios/" + scenarioId);
		waitFor(enterprise, By.id("apply")).click();
		Select mine = new Select(waitFor(enterprise, By.id("enterpriseId")));
		mine.getOptions()
			.stream()
			.filter(option -> option.getText().startsWith(enterpriseName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the enterprise is offered"))
			.click();
		type(enterprise, "summary", summary);
		type(enterprise, "funding", "90000.00");
		type(enterprise, "computeGpuHours", "8");
		check(enterprise, "24-application-form");
		enterprise.findElement(By.cssSelector("main form button[type=submit]")).click();
		assertThat(waitFor(enterprise, By.id("application-status")).getText()).isEqualTo("草稿");
		String applicationPage = enterprise.getCurrentUrl();
		enterprise.findElement(By.id("action-submit")).click();
		awaitText(enterprise, By.id("application-status"), "已提交");
		check(enterprise, "25-application-submitted");

		// the officer closes the scenario, assigns the reviewer (once scenario-service
		// has
		// heard of the application) and starts the review
		officer.get(scenarioPage);
		waitFor(officer, By.id("action-close")).click();
		awaitText(officer, By.id("scenario-status"), "Closed");
		untilAccepted(officer, () -> {
			officer.get(scenarioPage);
			type(officer, "assign-reviewer", "demo-reviewer-1");
			officer.findElement(By.id("action-assign")).click();
			return waitFor(officer, By.id("assignments-heading"));
		});
		assertThat(text(officer)).contains("demo-reviewer-1", "To review");
		officer.findElement(By.id("action-start-review")).click();
		awaitText(officer, By.id("scenario-status"), "Under review");
		check(officer, "26-scenario-desk-review");

		// the reviewer scores blind
		signOut(officer);
		signIn(officer, "demo-reviewer-1");
		officer.findElement(By.linkText("Declared affiliations")).click();
		waitFor(officer, By.id("declare"));
		check(officer, "33-affiliations");
		officer.get(gateway + "/workspace");
		officer.findElement(By.linkText(title)).click();
		assertThat(waitFor(officer, By.cssSelector(".proposal-summary")).getText()).isEqualTo(summary);
		assertThat(text(officer)).as("blind: no enterprise named").doesNotContain(enterpriseName, "Journey Robotics");
		officer.findElement(By.cssSelector("label[for='score-fit-4']")).click();
		type(officer, "comment", "Sound approach; cameras already on the line");
		check(officer, "27-review");
		officer.findElement(By.id("action-score")).click();
		awaitText(officer, By.id("assignment-status"), "Scores submitted");

		// the enterprise keeps its workspace open; the officer awards
		enterprise.get(gateway + "/workspace");
		waitFor(enterprise, By.cssSelector("[data-live-inbox] .live"));
		awaitText(enterprise, By.cssSelector("[data-live-inbox] .live"), "新通知到达时会显示在此处。");
		((JavascriptExecutor) enterprise).executeScript("window.stillTheSamePage = true;");
		signOut(officer);
		signIn(officer, "demo-officer");
		officer.get(scenarioPage);
		waitFor(officer, By.cssSelector("input[name='applicationIds']")).click();
		officer.findElement(By.id("action-award")).click();
		// provisional during the standstill period: the history says it is proposed
		new WebDriverWait(officer, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(driver -> text(driver).contains("dev.scenariohub.scenario.award-proposed.v1 · demo-officer"));
		assertThat(text(officer)).contains("Proposed, in its standstill period", "No objection lodged.");
		check(officer, "28-scenario-desk-award-proposed");

		WebElement live = new WebDriverWait(enterprise, Duration.ofSeconds(30))
			.ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElements(By.cssSelector("ul.inbox li.unread"))
				.stream()
				.filter(item -> item.getText().contains("SHORTLISTED") && item.getText().contains(title))
				.findFirst()
				.orElse(null));
		assertThat(live.getText()).contains("申报状态更新");
		assertThat(((JavascriptExecutor) enterprise).executeScript("return window.stillTheSamePage === true;"))
			.as("it arrived live, without reloading the page")
			.isEqualTo(true);
		check(enterprise, "29-workspace-live");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			enterprise.get(applicationPage);
			assertThat(waitFor(enterprise, By.id("application-status")).getText()).isEqualTo("入围");
		});
		check(enterprise, "30-application-shortlisted");
	}

	/**
	 * Sets an input's value as a date or time picker would (their typing differs by
	 * locale).
	 */
	private static void setValue(WebDriver browser, String id, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id(id)), value);
	}

	private static void awaitText(WebDriver browser, By what, String expected) {
		try {
			// the page may be replaced between finding the element and reading it
			new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
				.until(driver -> expected.equals(driver.findElement(what).getText()));
		}
		catch (RuntimeException stuck) {
			throw Browsers.stuck(browser, "expected \"" + expected + "\" in " + what, stuck);
		}
	}

	/**
	 * Repeats a form's submission while the page answers with a problem (what depends on
	 * an event not yet arrived), for up to 30 seconds.
	 */
	private static void untilAccepted(WebDriver browser, Supplier<WebElement> submit) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			submit.get();
			List<WebElement> problems = browser.findElements(By.cssSelector("[role=alert]"));
			return problems.isEmpty();
		});
	}

}
