package dev.scenariohub.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium driven through WebDriver, for the console's browser tests: opening
 * one (or skipping, saying why, where Chromium and its driver are not installed —
 * Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs),
 * signing in at the issuer and out, and checking a page: a screenshot kept under
 * {@code target/screenshots/}, and no serious or critical axe-core violation.
 */
final class Browsers {

	private static final Path CHROMIUM = Path.of(System.getProperty("scenariohub.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("scenariohub.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Browsers() {
	}

	/** A new browser with a profile of its own, preferring {@code languages}. */
	static WebDriver open(String languages) {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and its driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
						+ "; Debian's chromium and chromium-driver, which .ci/run installs): browser tests skipped");
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=1280,900", "--lang=" + languages.split(",")[0]);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return browser;
	}

	/**
	 * Signs in at the issuer's form, reached from the console's workspace, and waits for
	 * the workspace.
	 */
	static void signIn(WebDriver browser, String user) {
		browser.get(Stack.get().gatewayUrl() + "/workspace");
		WebElement username = waitFor(browser, By.name("username"));
		username.sendKeys(user);
		WebElement password = browser.findElement(By.name("password"));
		password.sendKeys(user + "-password");
		password.sendKeys(Keys.ENTER);
		waitFor(browser, By.cssSelector(".who"));
		assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo(user);
	}

	/** Signs out of the console and of the issuer. */
	static void signOut(WebDriver browser) {
		browser.findElement(By.cssSelector("form[action='/logout'] button")).sendKeys(Keys.ENTER);
		waitForAddress(browser, Stack.get().gatewayUrl() + "/scenarios");
	}

	static void type(WebDriver browser, String field, String text) {
		WebElement input = browser.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

	static String text(WebDriver browser) {
		return browser.findElement(By.tagName("body")).getText();
	}

	static WebElement waitFor(WebDriver browser, By what) {
		try {
			return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
				.until(ExpectedConditions.visibilityOfElementLocated(what));
		}
		catch (TimeoutException stuck) {
			throw stuck(browser, "expected " + what, stuck);
		}
	}

	static void waitForAddress(WebDriver browser, String prefix) {
		try {
			new WebDriverWait(browser, Duration.ofSeconds(15))
				.until(driver -> driver.getCurrentUrl().startsWith(prefix));
		}
		catch (TimeoutException stuck) {
			throw stuck(browser, "expected to be at " + prefix, stuck);
		}
	}

	/**
	 * A failure that keeps a screenshot of where the browser got stuck and says what it
	 * shows.
	 */
	static AssertionError stuck(WebDriver browser, String expected, Throwable cause) {
		screenshot(browser, "stuck");
		return new AssertionError(expected + " but at " + browser.getCurrentUrl() + ": " + text(browser), cause);
	}

	/**
	 * Keeps a screenshot of the page and fails on any serious or critical accessibility
	 * violation axe-core finds in it.
	 */
	static void check(WebDriver browser, String page) {
		screenshot(browser, page);
		Results results = new AxeBuilder().analyze(browser);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious)
			.as(page + ": "
					+ serious.stream()
						.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
								+ rule.getNodes()
									.stream()
									.map(node -> String.valueOf(node.getTarget()))
									.collect(Collectors.joining(", ")))
						.collect(Collectors.joining("; ")))
			.isEmpty();
	}

	private static void screenshot(WebDriver browser, String page) {
		try {
			Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve("console-" + page + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

}
