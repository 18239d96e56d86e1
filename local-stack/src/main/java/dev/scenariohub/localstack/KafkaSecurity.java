package dev.scenariohub.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker as production runs it ({@code KAFKA_AUTH=scram}): clients authenticate with
 * SCRAM-SHA-512, one user per service, each allowed only what it does (ACLs), and no
 * topic is created by using it. The topics, with their dead-letter topics, are created
 * here once, as the Kubernetes manifests declare them. The passwords are local ones, like
 * the demo clients'.
 */
public final class KafkaSecurity {

	static final String MECHANISM = "SCRAM-SHA-512";

	/** Creates topics and ACLs, and may do anything (a super user). */
	static final String ADMIN = "admin";

	/** Each service: the topics it publishes to, consumes, and only reads. */
	public static final Map<String, Access> SERVICES = Map.of("scenario-service",
			new Access(List.of("scenarios"), List.of("applications", "enterprises"), List.of()), "enterprise-service",
			// its matching index of enterprises follows its own topic
			new Access(List.of("enterprises", "applications"), List.of("scenarios"), List.of("enterprises")),
			"notification-service",
			new Access(List.of("notifications"), List.of("scenarios", "applications", "enterprises"), List.of()));

	public static final List<String> TOPICS = List.of("scenarios", "enterprises", "applications", "notifications");

	private KafkaSecurity() {
	}

	/**
	 * What one service may do: publish to some topics, consume others in its group (with
	 * dead-letter topics), and read some without a group.
	 */
	public record Access(List<String> publishes, List<String> consumes, List<String> follows) {
	}

	static String password(String user) {
		return user + "-local-secret";
	}

	/** The broker's listener, authorizer and inter-broker credentials. */
	static String serverProperties(int port, int controllerPort) {
		return """
				listeners=SASL_PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=SASL_PLAINTEXT://127.0.0.1:%1$d
				inter.broker.listener.name=SASL_PLAINTEXT
				listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
				sasl.enabled.mechanisms=%3$s
				sasl.mechanism.inter.broker.protocol=%3$s
				listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=%4$s
				authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
				# the controller listener (loopback only) is how the broker part reaches the controller part
				super.users=User:%5$s;User:ANONYMOUS
				auto.create.topics.enable=false
				""".formatted(port, controllerPort, MECHANISM, jaas(ADMIN), ADMIN);
	}

	/** The {@code StorageTool format} arguments that create every user's credentials. */
	static List<String> formatArguments() {
		List<String> arguments = new ArrayList<>();
		List<String> users = new ArrayList<>(List.of(ADMIN));
		users.addAll(SERVICES.keySet());
		for (String user : users) {
			arguments.add("--add-scram");
			arguments.add(MECHANISM + "=[name=" + user + ",password=" + password(user) + "]");
		}
		return arguments;
	}

	/** A Kafka client's settings for a user. */
	static Map<String, Object> clientProperties(String user) {
		return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT", SaslConfigs.SASL_MECHANISM,
				MECHANISM, SaslConfigs.SASL_JAAS_CONFIG, jaas(user));
	}

	/**
	 * A service's environment: Spring Boot's Kafka settings, which the binder and every
	 * client the service makes itself take; the binder creates no topics.
	 */
	static Map<String, String> serviceEnv(String service) {
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
		env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", MECHANISM);
		env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaas(service));
		env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTOCREATETOPICS", "false");
		return env;
	}

	/** The topics, the dead-letter topics and every service's ACLs. */
	static void provision(Admin admin, int partitions)
			throws InterruptedException, ExecutionException, TimeoutException {
		List<NewTopic> topics = new ArrayList<>();
		TOPICS.forEach(topic -> topics.add(new NewTopic(topic, partitions, (short) 1)));
		deadLetterTopics().forEach(topic -> topics.add(new NewTopic(topic, partitions, (short) 1)));
		for (var created : admin.createTopics(topics).values().values()) {
			try {
				created.get(30, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				// a restart on the same data: the topics are there already
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
			}
		}
		admin.createAcls(acls()).all().get(30, TimeUnit.SECONDS);
	}

	/**
	 * {@code <topic>.<group>.dlq} for every topic a service consumes (its group is its
	 * name).
	 */
	public static List<String> deadLetterTopics() {
		List<String> topics = new ArrayList<>();
		SERVICES.forEach(
				(service, access) -> access.consumes().forEach(topic -> topics.add(deadLetterTopic(topic, service))));
		return topics;
	}

	/**
	 * What each service may do: write what it publishes, read what it consumes, write and
	 * read its dead-letter topics (the binder writes them, an operator's replay reads
	 * them), and read in its groups ({@code <service>} and {@code <service>.dlq-replay}).
	 * Every operation on a topic comes with describing it.
	 */
	public static List<AclBinding> acls() {
		List<AclBinding> acls = new ArrayList<>();
		SERVICES.forEach((service, access) -> {
			String principal = "User:" + service;
			access.publishes().forEach(topic -> acls.addAll(allow(principal, topic, AclOperation.WRITE)));
			access.follows().forEach(topic -> acls.addAll(allow(principal, topic, AclOperation.READ)));
			for (String topic : access.consumes()) {
				acls.addAll(allow(principal, topic, AclOperation.READ));
				acls.addAll(allow(principal, deadLetterTopic(topic, service), AclOperation.WRITE));
				acls.addAll(allow(principal, deadLetterTopic(topic, service), AclOperation.READ));
			}
			acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, service, PatternType.PREFIXED),
					new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
		});
		return acls.stream().distinct().toList();
	}

	private static String deadLetterTopic(String topic, String service) {
		return topic + "." + service + ".dlq";
	}

	private static List<AclBinding> allow(String principal, String topic, AclOperation operation) {
		ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
		return List.of(
				new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)),
				new AclBinding(pattern,
						new AccessControlEntry(principal, "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)));
	}

	private static String jaas(String user) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password(user) + "\";";
	}

}
