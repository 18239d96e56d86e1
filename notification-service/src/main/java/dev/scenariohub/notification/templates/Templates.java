package dev.scenariohub.notification.templates;

import java.util.Map;
import java.util.Set;

/**
 * Notification texts by event type and locale ({@code zh-CN}, the default, and
 * {@code en}). Placeholders in braces are filled from the event.
 */
public final class Templates {

	public static final String DEFAULT_LOCALE = "zh-CN";

	public static final Set<String> LOCALES = Set.of("zh-CN", "en");

	/** A title and a body. */
	public record Text(String title, String body) {
	}

	private static final Map<String, Map<String, Text>> TEXTS = Map.ofEntries(
			entry("scenario.published",
					new Text("新应用场景发布：{title}", "{demandOwner} 发布了 {sector} 领域的应用场景，申报截止 {closesAt}。"),
					new Text("New scenario: {title}",
							"{demandOwner} published a scenario in {sector}; applications close {closesAt}.")),
			entry("scenario.updated", new Text("应用场景有重要变更：{title}", "变更内容：{changed}。已提交的申报需在截止 {closesAt} 前重新确认。"),
					new Text("Scenario changed: {title}",
							"Changed: {changed}. Submitted applications must be re-confirmed before {closesAt}.")),
			entry("scenario.closed", new Text("申报已截止：{title}", "该场景已停止接收申报。"),
					new Text("Applications closed: {title}", "The scenario no longer takes applications.")),
			entry("scenario.cancelled", new Text("应用场景已取消：{title}", "取消原因：{reason}"),
					new Text("Scenario cancelled: {title}", "Reason: {reason}")),
			entry("scenario.awarded", new Text("揭榜结果已确定：{title}", "共 {winners} 家单位揭榜成功。"),
					new Text("Award final: {title}", "{winners} applicant(s) won the award.")),
			entry("application.submitted", new Text("收到新的申报", "场景“{title}”收到一份申报。"),
					new Text("Application submitted", "An application to \"{title}\" was submitted.")),
			entry("application.withdrawn", new Text("申报已撤回", "场景“{title}”的一份申报已撤回。"),
					new Text("Application withdrawn", "An application to \"{title}\" was withdrawn.")),
			entry("application.status-changed", new Text("申报状态更新：{status}", "您对“{title}”的申报状态现为 {status}。"),
					new Text("Application status: {status}", "Your application to \"{title}\" is now {status}.")),
			entry("application.reconfirmation-required", new Text("请重新确认申报", "场景“{title}”有重要变更，请在截止前重新确认您的申报。"),
					new Text("Please re-confirm your application",
							"\"{title}\" changed materially; re-confirm your application before the deadline.")),
			entry("review.assigned", new Text("新的评审任务", "您被分配评审场景“{title}”的一份申报。"),
					new Text("New review assignment", "You were assigned an application to \"{title}\" to review.")),
			entry("objection.lodged", new Text("收到异议", "场景“{title}”的拟揭榜结果收到一项异议。"),
					new Text("Objection lodged", "An objection was lodged against the proposed award of \"{title}\".")),
			entry("milestone.due-soon", new Text("里程碑即将到期：{milestone}", "到期日 {dueOn}。"),
					new Text("Milestone due soon: {milestone}", "Due on {dueOn}.")),
			entry("milestone.overdue", new Text("里程碑已逾期：{milestone}", "原定到期日 {dueOn}。"),
					new Text("Milestone overdue: {milestone}", "It was due on {dueOn}.")),
			entry("enterprise.verified", new Text("企业认证已通过", "{name} 已通过认证，可以申报应用场景。"),
					new Text("Enterprise verified", "{name} is verified and may apply to scenarios.")),
			entry("enterprise.rejected", new Text("企业认证未通过", "{name} 的认证未通过。"),
					new Text("Enterprise verification rejected", "{name} was not verified.")));

	private Templates() {
	}

	private static Map.Entry<String, Map<String, Text>> entry(String family, Text zh, Text en) {
		return Map.entry(family, Map.of("zh-CN", zh, "en", en));
	}

	public static Text render(String family, String locale, Map<String, String> params) {
		Map<String, Text> byLocale = TEXTS.get(family);
		Text text = byLocale.getOrDefault(locale, byLocale.get(DEFAULT_LOCALE));
		return new Text(fill(text.title(), params), fill(text.body(), params));
	}

	private static String fill(String template, Map<String, String> params) {
		String out = template;
		for (Map.Entry<String, String> p : params.entrySet()) {
			out = out.replace("{" + p.getKey() + "}", p.getValue() == null ? "" : p.getValue());
		}
		return out;
	}

}
