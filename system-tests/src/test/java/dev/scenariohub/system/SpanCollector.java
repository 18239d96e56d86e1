package dev.scenariohub.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;

/**
 * An OpenTelemetry collector on loopback, as far as tests need one: it takes OTLP/HTTP
 * trace exports ({@code POST /v1/traces}, protobuf, as the services send them when
 * {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT} points here) and keeps
 * every span with the service that sent it.
 */
final class SpanCollector implements AutoCloseable {

	/** One exported span. */
	record Span(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {
	}

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

	SpanCollector() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/v1/traces", exchange -> {
			try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
				keep(ExportTraceServiceRequest.parseFrom(body));
				byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
				exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
				exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
				exchange.getResponseBody().write(answer);
			}
			catch (IOException | RuntimeException ex) {
				exchange.sendResponseHeaders(400, -1);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	private void keep(ExportTraceServiceRequest request) {
		HexFormat hex = HexFormat.of();
		request.getResourceSpansList().forEach(resource -> {
			String service = serviceName(resource.getResource());
			resource.getScopeSpansList()
				.forEach(scope -> scope.getSpansList()
					.forEach(span -> this.spans.add(new Span(service, hex.formatHex(span.getTraceId().toByteArray()),
							hex.formatHex(span.getSpanId().toByteArray()),
							hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
							span.getKind().name()))));
		});
	}

	private static String serviceName(Resource resource) {
		return resource.getAttributesList()
			.stream()
			.filter(attribute -> attribute.getKey().equals("service.name"))
			.map(KeyValue::getValue)
			.map(value -> value.getStringValue())
			.findFirst()
			.orElse("?");
	}

	/** Where the services send their spans. */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** Every span of one trace received so far. */
	List<Span> trace(String traceId) {
		return this.spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
