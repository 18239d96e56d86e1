package dev.scenariohub.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import io.github.bucket4j.Bandwidth;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing of passwords and client secrets: the sign-in form
 * ({@code POST /login}) is limited per user name and address and per address, the token
 * endpoint ({@code POST /oauth2/token}) per client and address. Over a limit the answer
 * is 429 problem+json with {@code Retry-After}, before the attempt is checked. Limits are
 * token buckets (Bucket4j) kept by {@link AttemptBudgets}: per replica, or in Redis
 * across replicas. The address is the client's as the servlet container sees it: behind
 * the ingress, from {@code X-Forwarded-For} of trusted proxies
 * ({@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
public class SignInThrottle extends OncePerRequestFilter implements Ordered {

	private final AttemptBudgets budgets;

	private final Bandwidth loginPerUser;

	private final Bandwidth loginPerAddress;

	private final Bandwidth tokenPerClient;

	private final Duration period;

	private final MeterRegistry meters;

	public SignInThrottle(AttemptBudgets budgets, @Value("${identity.throttle.login-per-user:10}") int loginPerUser,
			@Value("${identity.throttle.login-per-address:60}") int loginPerAddress,
			@Value("${identity.throttle.token-per-client:600}") int tokenPerClient,
			@Value("${identity.throttle.period:PT1M}") Duration period, MeterRegistry meters) {
		this.budgets = budgets;
		this.loginPerUser = limit(loginPerUser, period);
		this.loginPerAddress = limit(loginPerAddress, period);
		this.tokenPerClient = limit(tokenPerClient, period);
		this.period = period;
		this.meters = meters;
	}

	/** So many attempts, all given back at the end of each period. */
	private static Bandwidth limit(int attempts, Duration period) {
		return Bandwidth.builder().capacity(attempts).refillIntervally(attempts, period).build();
	}

	/** Before Spring Security's filters, so that a refused attempt is never checked. */
	@Override
	public int getOrder() {
		return -110;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean allowed;
		String endpoint;
		if ("/login".equals(path)) {
			endpoint = "login";
			String user = String.valueOf(request.getParameter("username")).toLowerCase(Locale.ROOT);
			allowed = acquire("login@" + address, this.loginPerAddress)
					&& acquire("login:" + user + "@" + address, this.loginPerUser);
		}
		else if ("/oauth2/token".equals(path)) {
			endpoint = "token";
			allowed = acquire("token:" + clientId(request) + "@" + address, this.tokenPerClient);
		}
		else {
			chain.doFilter(request, response);
			return;
		}
		if (allowed) {
			chain.doFilter(request, response);
			return;
		}
		this.meters.counter("scenariohub.identity.throttled", "endpoint", endpoint).increment();
		long retryAfter = Math.max(1, this.period.toSeconds());
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"https://scenariohub.dev/problems/too-many-attempts\",\"title\":\"Too many attempts\","
					+ "\"status\":429,\"detail\":\"Too many sign-in or token requests from here; retry after "
					+ retryAfter + " s\"}");
	}

	private boolean acquire(String key, Bandwidth limit) {
		return this.budgets.tryTake(key, limit);
	}

	/**
	 * The client a token request names: the user of its HTTP Basic credentials (form-URL
	 * encoded, as RFC 6749 has it), else its {@code client_id} parameter.
	 */
	static String clientId(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException malformed) {
				return "malformed";
			}
		}
		return String.valueOf(request.getParameter("client_id"));
	}

}
