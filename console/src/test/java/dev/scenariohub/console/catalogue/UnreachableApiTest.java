package dev.scenariohub.console.catalogue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With the gateway away, pages say so in the reader's language; nothing breaks. */
@SpringBootTest(properties = { "console.gateway-url=http://127.0.0.1:1", "console.api-timeout=2s" })
@AutoConfigureWebTestClient(timeout = "30s")
class UnreachableApiTest {

	@Autowired
	WebTestClient browser;

	@Test
	void anUnreachableApiIsA503PageThatSaysSo() {
		this.browser.get()
			.uri("/scenarios/sc1")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("暂时无法连接 ScenarioHub").doesNotContain("Exception"));
		this.browser.get()
			.uri("/scenarios")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("ScenarioHub cannot be reached right now"));
	}

}
