package dev.scenariohub.console.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public catalogue against a stand-in for the gateway that answers as the real API
 * does: pages show what the API answers, pass the filters on, speak the browser's
 * language, and show the API's problems instead of failing.
 */
@SpringBootTest
@AutoConfigureWebTestClient(timeout = "30s")
class CatalogueTest {

	static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();

	static final String SCENARIO = """
			{"id": "sc1", "programId": "pr1", "title": "Drone parcel routes over Haizhu", "status": "OPEN",
			 "sector": "LOW_ALTITUDE_ECONOMY", "demandOwner": "Haizhu Logistics Park",
			 "description": "Plan safe routes", "requiredCapabilities": ["drone-navigation"],
			 "eligibleCategories": ["STARTUP"], "maxAwards": 2, "timeZone": "Asia/Shanghai",
			 "opensAt": "2026-01-01T00:00:00Z", "closesAt": "2026-12-31T08:00:00Z",
			 "support": {"funding": {"amount": "500000.00", "currency": "CNY"}, "computeGpuHours": 2000},
			 "rubric": [{"key": "fit", "name": "Technical fit", "weight": 100, "anchors": ["weak", "strong"]}]}
			""";

	static final DisposableServer GATEWAY = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.route(routes -> routes.get("/api/v1/scenarios", (request, response) -> {
			CALLS.add(request.uri() + " lang=" + request.requestHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
			if (request.uri().contains("sector=NOT_A_SECTOR")) {
				return response.status(400)
					.header("Content-Type", "application/problem+json")
					.sendString(reactor.core.publisher.Mono
						.just("{\"type\":\"https://scenariohub.dev/problems/invalid-request\",\"title\":\"Invalid request\","
								+ "\"status\":400,\"detail\":\"The request has 1 invalid field(s)\","
								+ "\"errors\":[{\"field\":\"sector\",\"message\":\"must be one of the sectors\"}]}"));
			}
			return response.header("Content-Type", "application/json")
				.sendString(reactor.core.publisher.Mono.just("{\"items\": [" + SCENARIO
						+ "], \"nextCursor\": \"c2\", \"next\": \"/api/v1/scenarios?cursor=c2\"}"));
		}).get("/api/v1/scenarios/{id}", (request, response) -> {
			CALLS.add(request.uri());
			if (!request.param("id").equals("sc1")) {
				return response.status(404)
					.header("Content-Type", "application/problem+json")
					.sendString(reactor.core.publisher.Mono
						.just("{\"type\":\"https://scenariohub.dev/problems/not-found\",\"title\":\"Not found\","
								+ "\"status\":404,\"detail\":\"no scenario " + request.param("id") + "\"}"));
			}
			return response.header("Content-Type", "application/json")
				.sendString(reactor.core.publisher.Mono.just(SCENARIO));
		})
			.get("/api/v1/programs",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(reactor.core.publisher.Mono
							.just("{\"items\": [{\"id\": \"pr1\", \"name\": \"Haizhu AI+ 2026\"}]}")))
			.get("/api/v1/programs/{id}",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendString(reactor.core.publisher.Mono.just("{\"id\": \"pr1\", \"name\": \"Haizhu AI+ 2026\","
								+ " \"authority\": \"Haizhu District AI Development Bureau\"}"))))
		.bindNow();

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		properties.add("console.gateway-url", () -> "http://127.0.0.1:" + GATEWAY.port());
	}

	@AfterAll
	static void stop() {
		GATEWAY.disposeNow();
	}

	@Autowired
	WebTestClient browser;

	@BeforeEach
	void forget() {
		CALLS.clear();
	}

	private String page(String uri, String language, int status) {
		byte[] body = this.browser.get()
			.uri(uri)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.returnResult()
			.getResponseBody();
		return body == null ? "" : new String(body, StandardCharsets.UTF_8);
	}

	@Test
	void theCatalogueShowsOpenScenariosWithTheFiltersPassedToTheApi() {
		String html = page("/scenarios?sector=LOW_ALTITUDE_ECONOMY&capability=drone-navigation&q=parcel", "en", 200);
		assertThat(html).contains("Drone parcel routes over Haizhu", "Low-altitude economy", "¥500,000.00",
				"2026-12-31 16:00 (Asia/Shanghai)", "drone-navigation", "Haizhu AI+ 2026");
		assertThat(CALLS).anySatisfy(call -> assertThat(call).startsWith("/api/v1/scenarios?")
			.contains("q=parcel", "sector=LOW_ALTITUDE_ECONOMY", "capability=drone-navigation", "status=OPEN",
					"lang=en"));
		assertThat(html).as("the next page keeps the filters")
			.contains("href=\"/scenarios?q=parcel&amp;sector=LOW_ALTITUDE_ECONOMY&amp;capability=drone-navigation"
					+ "&amp;cursor=c2\"");
	}

	@Test
	void pagesSpeakTheBrowsersLanguageAndTheOneChosen() {
		assertThat(page("/scenarios", "zh-CN,zh;q=0.9,en;q=0.8", 200)).contains("lang=\"zh-CN\"", "开放申报的应用场景", "低空经济");
		assertThat(page("/scenarios", "fr-FR,fr;q=0.9,en;q=0.5", 200)).as("the first language the console speaks")
			.contains("lang=\"en\"", "Open application scenarios");
		this.browser.get()
			.uri("/scenarios?lang=en")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
			.exchange()
			.expectStatus()
			.isOk()
			.expectCookie()
			.valueEquals("lang", "en")
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("Open application scenarios", "href=\"/scenarios?lang=zh-CN\""));
		this.browser.get()
			.uri("/scenarios")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
			.cookie("lang", "en")
			.exchange()
			.expectBody(String.class)
			.value(html -> assertThat(html).as("the choice is remembered").contains("Open application scenarios"));
	}

	@Test
	void aScenarioPageShowsItsSupportWindowAndRubric() {
		String html = page("/scenarios/sc1", "en", 200);
		assertThat(html).contains("<h1>Drone parcel routes over Haizhu</h1>", "Open for applications", "2000",
				"Technical fit", "100 %", "weak", "strong", "Start-up", "href=\"/programs/pr1\"");
	}

	@Test
	void theApisProblemIsShownWithItsStatusInsteadOfAnErrorPage() {
		assertThat(page("/scenarios?sector=NOT_A_SECTOR", "en", 400)).contains("role=\"alert\"", "Invalid request",
				"The request has 1 invalid field(s)", "<code>sector</code>: <span>must be one of the sectors</span>");
		assertThat(page("/scenarios/unknown", "en", 404)).as("a problem page has the layout of every page")
			.contains("Not found", "no scenario unknown", "<html lang=\"en\">",
					"href=\"/scenarios/unknown?lang=zh-CN\"");
	}

	@Test
	void anAddressThatCannotBeAnIdIsNotPassedToTheApi() {
		assertThat(page("/scenarios/sc1.json", "en", 404)).contains("This could not be shown");
		page("/scenarios/..%2F..%2Fenterprises", "en", 400);
		assertThat(CALLS).isEmpty();
	}

}
