package dev.scenariohub.scenario.scenario;

import java.time.Instant;
import java.util.List;

/**
 * The stored state of a scenario (its document, without version, outbox and history): the
 * scenario itself, its review assignments, its award and objections, and its pilot
 * milestones — one aggregate, so that every event about a scenario is ordered by its
 * version.
 */
public record ScenarioState(String id, String programId, String title, Sector sector, String demandOwner,
		String description, String requirements, List<String> requiredCapabilities,
		List<EnterpriseCategory> eligibleCategories, Support support, int maxAwards, Instant opensAt, Instant closesAt,
		String timeZone, List<Criterion> rubric, ScenarioStatus status, String createdBy, Instant createdAt,
		Instant publishedAt, Instant closedAt, String cancelReason, List<Assignment> assignments, Award award,
		List<Objection> objections, List<Milestone> milestones) {

	public ScenarioState {
		requiredCapabilities = requiredCapabilities == null ? List.of() : List.copyOf(requiredCapabilities);
		eligibleCategories = eligibleCategories == null ? List.of() : List.copyOf(eligibleCategories);
		rubric = rubric == null ? List.of() : List.copyOf(rubric);
		assignments = assignments == null ? List.of() : List.copyOf(assignments);
		objections = objections == null ? List.of() : List.copyOf(objections);
		milestones = milestones == null ? List.of() : List.copyOf(milestones);
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/** A changed copy, field by field. */
	public static final class Builder {

		private String id, programId, title, demandOwner, description, requirements, timeZone, createdBy, cancelReason;

		private Sector sector;

		private List<String> requiredCapabilities;

		private List<EnterpriseCategory> eligibleCategories;

		private Support support;

		private int maxAwards;

		private Instant opensAt, closesAt, createdAt, publishedAt, closedAt;

		private List<Criterion> rubric;

		private ScenarioStatus status;

		private List<Assignment> assignments;

		private Award award;

		private List<Objection> objections;

		private List<Milestone> milestones;

		private Builder(ScenarioState s) {
			this.id = s.id;
			this.programId = s.programId;
			this.title = s.title;
			this.sector = s.sector;
			this.demandOwner = s.demandOwner;
			this.description = s.description;
			this.requirements = s.requirements;
			this.requiredCapabilities = s.requiredCapabilities;
			this.eligibleCategories = s.eligibleCategories;
			this.support = s.support;
			this.maxAwards = s.maxAwards;
			this.opensAt = s.opensAt;
			this.closesAt = s.closesAt;
			this.timeZone = s.timeZone;
			this.rubric = s.rubric;
			this.status = s.status;
			this.createdBy = s.createdBy;
			this.createdAt = s.createdAt;
			this.publishedAt = s.publishedAt;
			this.closedAt = s.closedAt;
			this.cancelReason = s.cancelReason;
			this.assignments = s.assignments;
			this.award = s.award;
			this.objections = s.objections;
			this.milestones = s.milestones;
		}

		public Builder title(String v) {
			this.title = v;
			return this;
		}

		public Builder sector(Sector v) {
			this.sector = v;
			return this;
		}

		public Builder demandOwner(String v) {
			this.demandOwner = v;
			return this;
		}

		public Builder description(String v) {
			this.description = v;
			return this;
		}

		public Builder requirements(String v) {
			this.requirements = v;
			return this;
		}

		public Builder requiredCapabilities(List<String> v) {
			this.requiredCapabilities = v;
			return this;
		}

		public Builder eligibleCategories(List<EnterpriseCategory> v) {
			this.eligibleCategories = v;
			return this;
		}

		public Builder support(Support v) {
			this.support = v;
			return this;
		}

		public Builder maxAwards(int v) {
			this.maxAwards = v;
			return this;
		}

		public Builder opensAt(Instant v) {
			this.opensAt = v;
			return this;
		}

		public Builder closesAt(Instant v) {
			this.closesAt = v;
			return this;
		}

		public Builder timeZone(String v) {
			this.timeZone = v;
			return this;
		}

		public Builder rubric(List<Criterion> v) {
			this.rubric = v;
			return this;
		}

		public Builder status(ScenarioStatus v) {
			this.status = v;
			return this;
		}

		public Builder publishedAt(Instant v) {
			this.publishedAt = v;
			return this;
		}

		public Builder closedAt(Instant v) {
			this.closedAt = v;
			return this;
		}

		public Builder cancelReason(String v) {
			this.cancelReason = v;
			return this;
		}

		public Builder assignments(List<Assignment> v) {
			this.assignments = v;
			return this;
		}

		public Builder award(Award v) {
			this.award = v;
			return this;
		}

		public Builder objections(List<Objection> v) {
			this.objections = v;
			return this;
		}

		public Builder milestones(List<Milestone> v) {
			this.milestones = v;
			return this;
		}

		public ScenarioState build() {
			return new ScenarioState(this.id, this.programId, this.title, this.sector, this.demandOwner,
					this.description, this.requirements, this.requiredCapabilities, this.eligibleCategories,
					this.support, this.maxAwards, this.opensAt, this.closesAt, this.timeZone, this.rubric, this.status,
					this.createdBy, this.createdAt, this.publishedAt, this.closedAt, this.cancelReason,
					this.assignments, this.award, this.objections, this.milestones);
		}

	}
}
