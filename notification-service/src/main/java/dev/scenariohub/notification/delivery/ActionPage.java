package dev.scenariohub.notification.delivery;

import org.springframework.web.util.HtmlUtils;

/**
 * The page a link from an e-mail shows: what will happen and a button that posts it.
 * Following the link (or a mail scanner fetching it) changes nothing; only the button
 * does.
 */
final class ActionPage {

	private ActionPage() {
	}

	/**
	 * @param path where the button posts, with the link's token
	 * @param token the token, escaped here
	 */
	static String of(String title, String question, String note, String path, String token, String button) {
		String action = path + "?token=" + HtmlUtils.htmlEscape(token);
		return """
				<!doctype html>
				<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
				<title>%s</title></head>
				<body><main>
				<h1>%s</h1>
				<p>%s</p>
				<form method="post" action="%s"><button type="submit">%s</button></form>
				</main></body></html>
				""".formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(question), HtmlUtils.htmlEscape(note),
				action, HtmlUtils.htmlEscape(button));
	}

}
