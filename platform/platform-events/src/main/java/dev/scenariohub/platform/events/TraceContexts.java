package dev.scenariohub.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across the gaps where no request or record is in flight: the W3C
 * headers ({@code traceparent}, {@code tracestate}) of the current span are kept with
 * what is stored (an outbox entry, a planned delivery), and whoever sends it later starts
 * a span of its own as a child of them and sends that span's headers on.
 */
public final class TraceContexts {

	private static final TraceContexts NONE = new TraceContexts(null, null);

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceContexts(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** No tracing: nothing is kept and nothing is sent. */
	public static TraceContexts none() {
		return NONE;
	}

	/** The headers of the current span, empty when there is none. */
	public Map<String, String> current() {
		if (this.tracer == null) {
			return Map.of();
		}
		Span span = this.tracer.currentSpan();
		return span == null ? Map.of() : headersOf(span);
	}

	/**
	 * Starts a span named {@code name} as a child of the kept {@code parent} headers (a
	 * new trace when there are none); end it when the work is done.
	 */
	public Started start(String name, Span.Kind kind, Map<String, String> parent) {
		if (this.tracer == null) {
			return Started.NOTHING;
		}
		Span span = (parent == null || parent.isEmpty() ? this.tracer.spanBuilder()
				: this.propagator.extract(parent, Map::get))
			.name(name)
			.kind(kind)
			.start();
		return new Started(span, headersOf(span));
	}

	private Map<String, String> headersOf(Span span) {
		Map<String, String> headers = new LinkedHashMap<>();
		this.propagator.inject(span.context(), headers, Map::put);
		return headers;
	}

	/** A started span and the headers that continue it. */
	public static final class Started {

		static final Started NOTHING = new Started(null, Map.of());

		private final Span span;

		private final Map<String, String> headers;

		Started(Span span, Map<String, String> headers) {
			this.span = span;
			this.headers = headers;
		}

		/** The headers to send with what this span covers. */
		public Map<String, String> headers() {
			return this.headers;
		}

		/** Ends the span, marking it failed when {@code error} is not null. */
		public void end(Throwable error) {
			if (this.span == null) {
				return;
			}
			if (error != null) {
				this.span.error(error);
			}
			this.span.end();
		}

	}

}
