package dev.scenariohub.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.scenariohub.localstack.KafkaSecurity;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every kustomize overlay under {@code k8s/overlays} (with kubectl, where it is
 * installed) and checks what operators rely on: every container non-root with a read-only
 * root filesystem, no capabilities, requests and limits; every service with separate
 * liveness and readiness probes, its own ServiceAccount, a PodDisruptionBudget and an
 * autoscaler.
 */
class KubernetesManifestsTest {

	static final Path OVERLAYS = Path.of("..", "k8s", "overlays");

	static Stream<String> overlays() throws IOException {
		try (Stream<Path> dirs = Files.list(OVERLAYS)) {
			return dirs.map(dir -> dir.getFileName().toString()).sorted().toList().stream();
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> render(String overlay) throws Exception {
		Process kubectl;
		try {
			kubectl = new ProcessBuilder("kubectl", "kustomize", OVERLAYS.resolve(overlay).toString())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException notInstalled) {
			Assumptions.abort("kubectl is not installed here; the manifests are rendered where it is");
			throw notInstalled;
		}
		String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(kubectl.exitValue()).as(output).isZero();
		List<Map<String, Object>> resources = new ArrayList<>();
		new Yaml().loadAll(output).forEach(doc -> resources.add((Map<String, Object>) doc));
		return resources;
	}

	@SuppressWarnings("unchecked")
	static <T> T at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			current = current == null ? null : ((Map<String, Object>) current).get(key);
		}
		return (T) current;
	}

	static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
		return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
	}

	static String name(Map<String, Object> resource) {
		return at(resource, "metadata", "name");
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyWorkloadRunsLockedDownWithLimitsAndProbes(String overlay) throws Exception {
		List<Map<String, Object>> resources = render(overlay);
		List<Map<String, Object>> workloads = new ArrayList<>();
		workloads.addAll(ofKind(resources, "Deployment"));
		workloads.addAll(ofKind(resources, "StatefulSet"));
		workloads.addAll(ofKind(resources, "Job"));
		assertThat(ofKind(resources, "Deployment")).as("five services and the console").hasSize(6);
		for (Map<String, Object> workload : workloads) {
			Map<String, Object> pod = at(workload, "spec", "template", "spec");
			assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).as(name(workload) + " non-root").isTrue();
			for (Map<String, Object> container : (List<Map<String, Object>>) pod.get("containers")) {
				String where = overlay + " " + name(workload) + "/" + container.get("name");
				assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).as(where).isTrue();
				assertThat((List<String>) at(container, "securityContext", "capabilities", "drop")).as(where)
					.contains("ALL");
				assertThat((Map<?, ?>) at(container, "resources", "requests")).as(where + " requests").isNotEmpty();
				assertThat((Map<?, ?>) at(container, "resources", "limits")).as(where + " limits").isNotEmpty();
				if (!"Job".equals(workload.get("kind"))) {
					assertThat((Map<?, ?>) container.get("livenessProbe")).as(where + " liveness").isNotNull();
					assertThat((Map<?, ?>) container.get("readinessProbe")).as(where + " readiness").isNotNull();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void everyServiceHasItsAccountDisruptionBudgetAndAutoscaler(String overlay) throws Exception {
		List<Map<String, Object>> resources = render(overlay);
		for (Map<String, Object> deployment : ofKind(resources, "Deployment")) {
			String service = name(deployment);
			Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec",
					"containers"))
				.get(0);
			assertThat((String) at(container, "livenessProbe", "httpGet", "path"))
				.isEqualTo("/actuator/health/liveness");
			assertThat((String) at(container, "readinessProbe", "httpGet", "path"))
				.isEqualTo("/actuator/health/readiness");
			assertThat((String) at(deployment, "spec", "template", "spec", "serviceAccountName")).isEqualTo(service);
			assertThat(ofKind(resources, "ServiceAccount")).extracting(KubernetesManifestsTest::name).contains(service);
			assertThat(ofKind(resources, "PodDisruptionBudget")).extracting(KubernetesManifestsTest::name)
				.contains(service);
			assertThat(ofKind(resources, "HorizontalPodAutoscaler"))
				.anySatisfy(hpa -> assertThat((String) at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(service));
		}
		assertThat(ofKind(resources, "Ingress")).hasSize(1);
		// what the ingress routes is named path by path: a "/" prefix would publish every
		// actuator endpoint of the service behind it
		for (Map<String, Object> rule : (List<Map<String, Object>>) at(ofKind(resources, "Ingress").get(0), "spec",
				"rules")) {
			for (Map<String, Object> path : (List<Map<String, Object>>) at(rule, "http", "paths")) {
				String where = overlay + " " + rule.get("host") + path.get("path") + " (" + path.get("pathType") + ")";
				assertThat((String) path.get("path")).as(where).doesNotStartWith("/actuator");
				assertThat("/".equals(path.get("path")) && "Prefix".equals(path.get("pathType")))
					.as(where + " routes everything")
					.isFalse();
			}
		}
		assertThat(ofKind(resources, "NetworkPolicy")).extracting(KubernetesManifestsTest::name)
			.contains("default-deny-ingress");
		List<String> topics = new ArrayList<>(KafkaSecurity.TOPICS);
		topics.addAll(KafkaSecurity.deadLetterTopics());
		assertThat(ofKind(resources, "KafkaTopic")).extracting(KubernetesManifestsTest::name)
			.as("every topic the services use is declared, dead-letter topics included")
			.containsExactlyInAnyOrderElementsOf(topics);
	}

	/**
	 * Kafka authenticates every client and authorizes it with the same ACLs as the system
	 * tests' broker, where every test runs each service as its own user: so the manifests
	 * grant what the services were shown to need, and nothing more.
	 */
	@ParameterizedTest
	@MethodSource("overlays")
	void everyServiceIsItsOwnKafkaUserWithTheAclsTheSystemTestsRanIt(String overlay) throws Exception {
		List<Map<String, Object>> resources = render(overlay);
		Map<String, Object> kafka = ofKind(resources, "Kafka").get(0);
		List<Map<String, Object>> listeners = at(kafka, "spec", "kafka", "listeners");
		assertThat(listeners).allSatisfy(
				listener -> assertThat(at(listener, "authentication", "type").toString()).isEqualTo("scram-sha-512"));
		assertThat(at(kafka, "spec", "kafka", "authorization", "type").toString()).isEqualTo("simple");
		assertThat(at(kafka, "spec", "kafka", "config", "auto.create.topics.enable").toString()).isEqualTo("false");
		Map<String, Object> config = ofKind(resources, "ConfigMap").stream()
			.filter(map -> "scenariohub-config".equals(name(map)))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) at(config, "data"))
			.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
			.containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTOCREATETOPICS", "false");

		Map<String, Set<String>> granted = new TreeMap<>();
		for (Map<String, Object> user : ofKind(resources, "KafkaUser")) {
			assertThat(at(user, "spec", "authentication", "type").toString()).isEqualTo("scram-sha-512");
			Set<String> acls = new TreeSet<>();
			for (Map<String, Object> acl : (List<Map<String, Object>>) at(user, "spec", "authorization", "acls")) {
				for (Object operation : (List<Object>) acl.get("operations")) {
					acls.add(at(acl, "resource", "type").toString().toUpperCase(Locale.ROOT) + " "
							+ at(acl, "resource", "name") + " "
							+ ("prefix".equals(at(acl, "resource", "patternType")) ? "PREFIXED" : "LITERAL") + " "
							+ operation.toString().toUpperCase(Locale.ROOT));
				}
			}
			granted.put(name(user), acls);
		}
		Map<String, Set<String>> tested = new TreeMap<>();
		for (AclBinding binding : KafkaSecurity.acls()) {
			tested.computeIfAbsent(binding.entry().principal().substring("User:".length()), user -> new TreeSet<>())
				.add(binding.pattern().resourceType() + " " + binding.pattern().name() + " "
						+ binding.pattern().patternType() + " " + binding.entry().operation());
		}
		assertThat(granted).isEqualTo(tested);

		for (String service : KafkaSecurity.SERVICES.keySet()) {
			assertThat(env(resources, service)).as(service + " signs in as its own Kafka user")
				.contains(Map.of("name", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "valueFrom",
						Map.of("secretKeyRef", Map.of("name", service, "key", "sasl.jaas.config"))));
		}
	}

	/**
	 * MongoDB checks who connects: its members share a key, each service signs in as its
	 * own user with a password from a Secret, and a Job gives each user its own database
	 * only. No connection string without credentials is left in the configuration.
	 */
	@ParameterizedTest
	@MethodSource("overlays")
	void everyServiceSignsInToMongoDbAsItsOwnUser(String overlay) throws Exception {
		List<Map<String, Object>> resources = render(overlay);
		Map<String, Object> mongo = ofKind(resources, "StatefulSet").stream()
			.filter(set -> "mongo".equals(name(set)))
			.findFirst()
			.orElseThrow();
		Map<String, Object> mongod = ((List<Map<String, Object>>) at(mongo, "spec", "template", "spec", "containers"))
			.get(0);
		assertThat((List<Object>) mongod.get("args")).contains("--keyFile");
		assertThat((List<Map<String, Object>>) mongod.get("env")).contains(Map.of("name", "MONGO_INITDB_ROOT_PASSWORD",
				"valueFrom", Map.of("secretKeyRef", Map.of("name", "mongo-credentials", "key", "root"))));
		Map<String, Object> config = ofKind(resources, "ConfigMap").stream()
			.filter(map -> "scenariohub-config".equals(name(map)))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) at(config, "data")).doesNotContainKey("MONGODB_URI");
		String users = ofKind(resources, "Job").stream()
			.filter(job -> "mongo-users".equals(name(job)))
			.findFirst()
			.orElseThrow()
			.toString();
		for (String service : List.of("identity-service", "scenario-service", "enterprise-service",
				"notification-service")) {
			assertThat(env(resources, service)).as(service + " signs in to MongoDB as itself")
				.contains(
						Map.of("name", "MONGODB_PASSWORD", "valueFrom",
								Map.of("secretKeyRef", Map.of("name", "mongo-credentials", "key", service))),
						Map.of("name", "MONGODB_URI", "value", "mongodb://" + service
								+ ":$(MONGODB_PASSWORD)@$(MONGODB_HOSTS)/" + service + "?$(MONGODB_OPTIONS)"));
			assertThat(users).as("the Job makes " + service + "'s user").contains("'" + service + "'");
		}
		assertThat(users).contains("createUser", "role: 'readWrite', db: name");
	}

	@Test
	void productionGatewayAndIssuerReplicasCountEveryClientAgainstOneSharedBudget() throws Exception {
		List<Map<String, Object>> resources = render("production");
		assertThat(env(resources, "gateway")).contains(Map.of("name", "GATEWAY_RATELIMIT_STORE", "value", "redis"),
				Map.of("name", "SPRING_DATA_REDIS_URL", "value", "redis://rate-limit-redis:6379"));
		assertThat(env(resources, "identity-service")).contains(
				Map.of("name", "IDENTITY_THROTTLE_STORE", "value", "redis"),
				Map.of("name", "SPRING_DATA_REDIS_URL", "value", "redis://rate-limit-redis:6379"));
		assertThat(ofKind(resources, "StatefulSet")).extracting(KubernetesManifestsTest::name)
			.contains("rate-limit-redis");
		assertThat(ofKind(resources, "Service")).extracting(KubernetesManifestsTest::name).contains("rate-limit-redis");
		Map<String, Object> policy = ofKind(resources, "NetworkPolicy").stream()
			.filter(p -> "rate-limit-redis-from-its-users".equals(name(p)))
			.findFirst()
			.orElseThrow();
		assertThat(policy.toString()).as("both users may reach it").contains("gateway", "identity-service");
	}

	private static List<Map<String, Object>> env(List<Map<String, Object>> resources, String deployment) {
		Map<String, Object> found = ofKind(resources, "Deployment").stream()
			.filter(candidate -> deployment.equals(name(candidate)))
			.findFirst()
			.orElseThrow();
		return at(((List<Map<String, Object>>) at(found, "spec", "template", "spec", "containers")).get(0), "env");
	}

}
