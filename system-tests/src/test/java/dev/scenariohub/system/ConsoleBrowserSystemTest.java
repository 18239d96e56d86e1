package dev.scenariohub.system;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static dev.scenariohub.system.Journeys.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless Chromium driven through WebDriver) against the
 * whole stack, as people use it: through the gateway, with the keyboard only, in Chinese
 * and in English, on a desktop and a phone's width, signing in at the issuer. Every page
 * is checked with axe-core for serious or critical accessibility violations, and a
 * screenshot of each is kept under {@code target/screenshots/}. Skipped, saying so, where
 * Chromium and its driver are not installed (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them).
 */
class ConsoleBrowserSystemTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static WebDriver browser;

	@BeforeAll
	static void openBrowser() {
		browser = Browsers.open("zh-CN,zh");
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void thePublicFindsAScenarioReadsItAndSwitchesLanguageWithTheKeyboardOnly() {
		String officer = Stack.token("demo-officer");
		String programName = "Browser program " + RUN;
		String programId = Journeys.program(officer, programName);
		String title = "Browser scenario " + RUN;
		String scenarioId = Journeys.draftScenario(officer, programId, title, "browser-" + RUN);
		expect(200, Stack.call("POST", "/api/v1/scenarios/" + scenarioId + "/publish", officer, null, Map.of()));
		String gateway = Stack.get().gatewayUrl();
		browser.manage().window().setSize(new Dimension(1280, 900));
		// a first visit: no language chosen before, not signed in
		browser.get(gateway + "/assets/console.css");
		browser.manage().deleteAllCookies();

		browser.get(gateway + "/");
		assertThat(browser.getCurrentUrl()).as("the console's home is the catalogue").endsWith("/scenarios");
		assertThat(language()).as("the browser's language").isEqualTo("zh-CN");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("开放申报的应用场景");
		new Actions(browser).sendKeys(Keys.TAB).perform();
		assertThat(browser.switchTo().activeElement().getText()).as("the first tab reaches the skip link")
			.isEqualTo("跳到正文");
		check("01-catalogue");

		WebElement words = browser.findElement(By.id("q"));
		words.sendKeys(RUN);
		words.sendKeys(Keys.ENTER);
		WebElement found = waitFor(By.linkText(title));
		assertThat(browser.findElements(By.cssSelector(".card"))).as("only the scenario searched for").hasSize(1);
		check("02-search");

		found.sendKeys(Keys.ENTER);
		waitFor(By.xpath("//h1[text()='" + title + "']"));
		assertThat(text()).contains("开放申报", "¥100,000.00", "评审标准", "Technical fit", "100 %",
				"Finds most defects in time", "browser-" + RUN, "(Asia/Shanghai)");
		check("03-scenario-zh");

		browser.findElement(By.cssSelector("a.lang")).sendKeys(Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "en".equals(language()));
		assertThat(text()).contains("Open for applications", "Review rubric", "Support offered per award");
		check("04-scenario-en");

		browser.findElement(By.linkText(programName)).sendKeys(Keys.ENTER);
		waitFor(By.xpath("//h1[text()='" + programName + "']"));
		assertThat(text()).as("the language chosen is remembered")
			.contains("Funding pool", "Haizhu District AI Development Bureau", title);
		check("05-program");

		browser.get(gateway + "/feed");
		assertThat(text()).contains("Public change feed", "dev.scenariohub.scenario.published.v1");
		check("06-feed");

		browser.get(gateway + "/scenarios/0123456789abcdef01234567");
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).as("the API's problem, not a trace")
			.contains("Not found")
			.doesNotContain("Exception");
		check("07-not-found");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(gateway + "/scenarios?q=" + RUN);
		waitFor(By.linkText(title));
		long width = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth;");
		assertThat(width).as("nothing wider than a phone's screen").isLessThanOrEqualTo(390);
		check("08-catalogue-phone");
	}

	@Test
	void anEnterpriseSignsInAtTheIssuerSeesItsWorkspaceAndSignsOutEverywhere() {
		String gateway = Stack.get().gatewayUrl();
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(gateway + "/workspace?lang=en");
		// the issuer's own sign-in form, reached with PKCE from the console
		WebElement username = waitFor(By.name("username"));
		assertThat(browser.getCurrentUrl()).as("signing in happens at the issuer").startsWith(Stack.get().issuerUrl());
		username.sendKeys("demo-enterprise-1");
		WebElement password = browser.findElement(By.name("password"));
		password.sendKeys("demo-enterprise-1-password");
		password.sendKeys(Keys.ENTER);

		waitFor(By.cssSelector(".who"));
		assertThat(browser.getCurrentUrl()).as("back where they were going").startsWith(gateway + "/workspace");
		assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo("demo-enterprise-1");
		assertThat(text()).contains("My workspace", "enterprise", "Notifications", "Sign out");
		assertThat(browser.manage().getCookieNamed("scenariohub-session")).as("the session cookie")
			.satisfies(cookie -> assertThat(cookie.isHttpOnly()).isTrue())
			.satisfies(cookie -> assertThat(cookie.getSameSite()).isEqualTo("Lax"));
		assertThat(browser.getPageSource()).as("no token reaches the browser").doesNotContain("eyJ");
		check("09-workspace");

		// registering an enterprise: what the API refuses shows beside its field
		browser.findElement(By.linkText("Register an enterprise")).sendKeys(Keys.ENTER);
		String name = "Browser Drones " + RUN;
		type("name", name);
		type("creditCode", "9144");
		// checked while it is typed, by the API's rule, and said beside the field
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("creditCode-check"))
			.getText()
			.equals("A credit code has 18 characters."));
		new Select(browser.findElement(By.id("category"))).selectByValue("STARTUP");
		type("district", "Haizhu");
		type("capabilities", "drone-navigation, browser-" + RUN);
		type("contactName", "Wu Lei");
		type("contactEmail", "wu.lei@example.com");
		browser.findElement(By.id("contactEmail")).sendKeys(Keys.ENTER);
		WebElement refused = waitFor(By.id("creditCode-error"));
		assertThat(refused.getText()).isNotBlank();
		assertThat(browser.findElement(By.id("creditCode")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("what was typed is kept")
			.isEqualTo(name);
		check("10-enterprise-refused");
		WebElement creditCode = browser.findElement(By.id("creditCode"));
		creditCode.clear();
		creditCode.sendKeys(ApplyAndReviewSystemTest.freshCreditCode());
		creditCode.sendKeys(Keys.ENTER);
		waitFor(By.xpath("//li[a[@class='name' and text()='" + name + "']]"));
		assertThat(browser.getCurrentUrl()).startsWith(gateway + "/workspace");
		assertThat(text()).contains(name + " · Start-up · Waiting for verification");
		check("11-enterprise-registered");

		browser.findElement(By.cssSelector("form[action='/logout'] button")).sendKeys(Keys.ENTER);
		waitForAddress(gateway + "/scenarios");
		assertThat(browser.findElements(By.cssSelector("a[href='/oauth2/authorization/scenariohub']")))
			.as("signed out of the console")
			.hasSize(1);
		browser.get(gateway + "/workspace");
		waitFor(By.name("username"));
		assertThat(browser.getCurrentUrl()).as("and of the issuer: it asks again").startsWith(Stack.get().issuerUrl());
	}

	private static void type(String field, String text) {
		Browsers.type(browser, field, text);
	}

	private static String language() {
		return browser.findElement(By.tagName("html")).getAttribute("lang");
	}

	private static String text() {
		return Browsers.text(browser);
	}

	private static void waitForAddress(String prefix) {
		Browsers.waitForAddress(browser, prefix);
	}

	private static WebElement waitFor(By what) {
		return Browsers.waitFor(browser, what);
	}

	private static void check(String page) {
		Browsers.check(browser, page);
	}

}
