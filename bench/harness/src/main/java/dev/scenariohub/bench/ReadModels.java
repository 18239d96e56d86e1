package dev.scenariohub.bench;

import java.util.ArrayList;
import java.util.Date;
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
 * enterprise-service knows. Read from the store by the fields its services' indexes have
 * (on MongoDB an index lookup; the embedded store, which keeps no secondary index, reads
 * the inbox collection), at a short interval and only while something is still missing.
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

	private Date inboxSince;

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
		this.inboxSince = new Date(System.currentTimeMillis() - 5_000);
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
			.projection(Projections.include("type", "subject"))) {
			long now = System.nanoTime();
			this.feedPosition = Math.max(this.feedPosition, entry.get("_id", Number.class).longValue());
			if (PUBLISHED.equals(entry.getString("type"))) {
				mark(Model.FEED, entry.getString("subject"), now);
			}
		}
	}

	/**
	 * Notifications of the recipient created since a little before the newest seen (their
	 * inserts are not in order of creation time, so the window reaches back).
	 */
	private void pollInbox() {
		Date newest = this.inboxSince;
		for (Document notification : this.inbox
			.find(Filters.and(Filters.eq("recipient", this.recipient), Filters.gte("createdAt", this.inboxSince)))
			.projection(Projections.include("link", "createdAt"))) {
			long now = System.nanoTime();
			String link = notification.getString("link");
			if (link != null && link.startsWith("/api/v1/scenarios/")) {
				mark(Model.INBOX, link.substring("/api/v1/scenarios/".length()), now);
			}
			Date created = notification.getDate("createdAt");
			if (created != null && created.after(newest)) {
				newest = created;
			}
		}
		this.inboxSince = new Date(Math.max(this.inboxSince.getTime(), newest.getTime() - 500));
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
