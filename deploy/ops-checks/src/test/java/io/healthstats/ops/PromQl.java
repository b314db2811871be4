package io.healthstats.ops;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL reading to list the metric names an expression uses. */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "bool", "offset", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private PromQl() {
	}

	/** Alert name → expression, over every group of a rules file. */
	@SuppressWarnings("unchecked")
	static Map<String, String> alerts(Map<String, Object> rules) {
		Map<String, String> alerts = new LinkedHashMap<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				alerts.put(String.valueOf(rule.getOrDefault("alert", rule.get("record"))), String.valueOf(rule.get("expr")));
			}
		}
		return alerts;
	}

	static Set<String> metricNames(String expression) {
		String text = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // label values, regexes
			.replaceAll("\\{[^}]*}", " ") // label matchers
			.replaceAll("\\[[^]]*]", " ") // range selectors
			.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\$\\{?[a-zA-Z_]+}?", " "); // Grafana variables: $__rate_interval, ${application}
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			String token = matcher.group();
			int after = matcher.end();
			while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
				after++;
			}
			boolean function = after < text.length() && text.charAt(after) == '(';
			boolean partOfNumber = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
			if (!function && !partOfNumber && !KEYWORDS.contains(token.toLowerCase())) {
				names.add(token);
			}
		}
		return names;
	}

}
