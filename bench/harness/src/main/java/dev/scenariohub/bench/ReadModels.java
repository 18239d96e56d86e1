package dev.scenariohub.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * When each published scenario became visible in each read model its event feeds: the
 * public feed and a subscriber's inbox (notification-service) and the scenarios
 * enterprise-service knows. Read from the store by id wherever possible, at a short
 * interval and only while something is still missing: the feed after the last position
 * seen, enterprise-service's scenarios by id, and the subscriber's notifications by the
 * id notification-service derives from (event id, recipient, channel), the event id taken
 * from the feed (notification-service appends to the feed before it notifies). Reading
 * the inbox by recipient and time instead made the embedded store, which keeps no
 * secondary index, read every notification a hundred times a second, and that load slowed
 * what was being measured.
 */
public final class ReadModels implements AutoCloseable {

	/** The read models, in the order results are printed. */
	public enum Model {

		FEED, INBOX, ENTERPRISE_SERVICE

	}

	private static final String PUBLISHED = "dev.scenariohub.scenario.published.v1";

	private final MongoClient client;

	private final MongoCollection<Document> feed;

	private final MongoCollection<Document> inbox;

	private final MongoCollection<Document> known;

	private final String recipient;

	private final Map<Model, Map<String, Long>> seen = new ConcurrentHashMap<>();

	private final Set<String> watched = ConcurrentHashMap.newKeySet();

	private volatile boolean running = true;

	private final Thread poller;

	private long feedPosition;

	/**
	 * Scenario id by the id of the subscriber's inbox notification of its publication.
	 */
	private final Map<Object, String> inboxIds = new ConcurrentHashMap<>();

	public ReadModels(String mongoUri, String recipient, long intervalMillis) {
		this.client = MongoClients.create(mongoUri);
		this.feed = this.client.getDatabase("notification-service").getCollection("feed");
		this.inbox = this.client.getDatabase("notification-service").getCollection("notifications");
		this.known = this.client.getDatabase("enterprise-service").getCollection("known-scenarios");
		this.recipient = recipient;
		for (Model model : Model.values()) {
			this.seen.put(model, new ConcurrentHashMap<>());
		}
		Document head = this.feed.find().sort(Sorts.descending("_id")).limit(1).first();
		this.feedPosition = head == null ? 0 : head.get("_id", Number.class).longValue();
		this.poller = new Thread(() -> {
			while (this.running) {
				try {
					poll();
					Thread.sleep(intervalMillis);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					System.err.println("reading the read models failed (trying again): " + ex);
				}
			}
		}, "read-model-poller");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	/** Watch for these scenarios from now on. */
	public void watch(String scenarioId) {
		this.watched.add(scenarioId);
	}

	/** When a scenario was first seen in a model (System.nanoTime()), or null. */
	public Long seenAt(Model model, String scenarioId) {
		return this.seen.get(model).get(scenarioId);
	}

	/** True once every watched scenario is in every model. */
	public boolean allSeen(Iterable<String> scenarioIds) {
		for (String id : scenarioIds) {
			for (Model model : Model.values()) {
				if (seenAt(model, id) == null) {
					return false;
				}
			}
		}
		return true;
	}

	/** Only the models still missing something are read. */
	private void poll() {
		if (pending(Model.FEED)) {
			pollFeed();
		}
		if (pending(Model.INBOX)) {
			pollInbox();
		}
		if (pending(Model.ENTERPRISE_SERVICE)) {
			pollKnown();
		}
	}

	private boolean pending(Model model) {
		return this.seen.get(model).size() < this.watched.size();
	}

	private void pollFeed() {
		for (Document entry : this.feed.find(Filters.gt("_id", this.feedPosition))
			.sort(Sorts.ascending("_id"))
			.projection(Projections.include("type", "subject", "eventId"))) {
			long now = System.nanoTime();
			this.feedPosition = Math.max(this.feedPosition, entry.get("_id", Number.class).longValue());
			String scenarioId = entry.getString("subject");
			if (PUBLISHED.equals(entry.getString("type")) && this.watched.contains(scenarioId)) {
				mark(Model.FEED, scenarioId, now);
				this.inboxIds.put(storedId(notificationId(entry.getString("eventId"), this.recipient, "inbox")),
						scenarioId);
			}
		}
	}

	/** The subscriber's notifications of publications already in the feed, by id. */
	private void pollInbox() {
		if (this.inboxIds.isEmpty()) {
			return;
		}
		List<Object> ids = new ArrayList<>(this.inboxIds.keySet());
		for (Document notification : this.inbox.find(Filters.in("_id", ids)).projection(Projections.include("_id"))) {
			String scenarioId = this.inboxIds.remove(notification.get("_id"));
			if (scenarioId != null) {
				mark(Model.INBOX, scenarioId, System.nanoTime());
			}
		}
	}

	/**
	 * The id notification-service gives an event's notification of one recipient on one
	 * channel (its {@code NotificationIds}): the first 12 bytes of SHA-256 over (event
	 * id, recipient, channel), in hex. The harness is a client and does not link the
	 * service's code; should the two ever differ, no notification is found and
	 * {@code BenchSmokeSystemTest} fails on the timeout.
	 */
	static String notificationId(String eventId, String recipient, String channel) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((eventId + "\n" + recipient + "\n" + channel).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void pollKnown() {
		List<Object> pending = new ArrayList<>();
		for (String id : this.watched) {
			if (!this.seen.get(Model.ENTERPRISE_SERVICE).containsKey(id)) {
				pending.add(storedId(id));
			}
		}
		if (pending.isEmpty()) {
			return;
		}
		for (Document scenario : this.known.find(Filters.and(Filters.in("_id", pending), Filters.eq("status", "OPEN")))
			.projection(Projections.include("_id"))) {
			mark(Model.ENTERPRISE_SERVICE, scenario.get("_id").toString(), System.nanoTime());
		}
	}

	/** Ids that look like ObjectIds are stored as such. */
	static Object storedId(String id) {
		return ObjectId.isValid(id) ? new ObjectId(id) : id;
	}

	private void mark(Model model, String scenarioId, long now) {
		if (this.watched.contains(scenarioId)) {
			this.seen.get(model).putIfAbsent(scenarioId, now);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.poller.join(10_000);
		this.client.close();
	}

}
