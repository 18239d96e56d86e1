package dev.scenariohub.console.catalogue;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How pages show the API's values: money as {@code ¥1,234.50}, instants in the time zone
 * they belong to. It formats what the API sent and decides nothing.
 */
public class Formats {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Locale locale;

	public Formats(Locale locale) {
		this.locale = locale;
	}

	/** A money value ({@code {"amount": "1234.50", "currency": "CNY"}}). */
	public String money(Object value) {
		if (!(value instanceof Map<?, ?> money) || money.get("amount") == null) {
			return "—";
		}
		try {
			NumberFormat number = NumberFormat.getNumberInstance(this.locale);
			number.setMinimumFractionDigits(2);
			number.setMaximumFractionDigits(2);
			String amount = number.format(new BigDecimal(money.get("amount").toString()));
			return "CNY".equals(money.get("currency")) ? "¥" + amount : amount + " " + money.get("currency");
		}
		catch (NumberFormatException ex) {
			return money.get("amount") + " " + money.get("currency");
		}
	}

	/**
	 * A title or name as a link or heading can show it: the value when it has something
	 * to see, or {@code null} (the page then says "Untitled") when it is empty or only
	 * blank, zero-width or control characters, as values stored before the API refused
	 * them may be.
	 */
	public String label(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		boolean visible = text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
					Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.NON_SPACING_MARK, Character.ENCLOSING_MARK ->
				false;
			default -> c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800;
		});
		return visible ? text : null;
	}

	/** An instant, in the given time zone (the scenario's) when there is one. */
	public String instant(Object value, Object zone) {
		if (value == null) {
			return "—";
		}
		try {
			OffsetDateTime at = OffsetDateTime.parse(value.toString());
			if (zone != null) {
				ZoneId id = ZoneId.of(zone.toString());
				return WHEN.format(at.atZoneSameInstant(id)) + " (" + id + ")";
			}
			return WHEN.format(at) + " (" + at.getOffset() + ")";
		}
		catch (DateTimeException ex) {
			return value.toString();
		}
	}

}
