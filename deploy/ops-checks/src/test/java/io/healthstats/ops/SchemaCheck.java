package io.healthstats.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of JSON Schema the event contract uses — type (also lists with "null"), required,
 * properties, additionalProperties: false, const, enum, pattern, minimum, items, local $ref and allOf —
 * checked against a value as SnakeYAML or Jackson-to-Map reads it.
 */
final class SchemaCheck {

	private final Map<String, Object> document;

	SchemaCheck(Map<String, Object> document) {
		this.document = document;
	}

	/** What is wrong with {@code value}; empty when it matches. */
	List<String> problems(Object schema, Object value) {
		List<String> problems = new ArrayList<>();
		check(schema, value, "$", problems);
		return problems;
	}

	@SuppressWarnings("unchecked")
	private void check(Object schemaNode, Object value, String path, List<String> problems) {
		Map<String, Object> schema = resolve(schemaNode);
		if (schema.containsKey("allOf")) {
			for (Object part : (List<Object>) schema.get("allOf")) {
				check(part, value, path, problems);
			}
		}
		if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
			problems.add(path + ": " + describe(value) + " is not of type " + schema.get("type"));
			return;
		}
		if (schema.containsKey("const") && !String.valueOf(schema.get("const")).equals(String.valueOf(value))) {
			problems.add(path + ": " + value + " is not " + schema.get("const"));
		}
		if (schema.containsKey("enum") && value != null
				&& ((List<Object>) schema.get("enum")).stream().map(String::valueOf).noneMatch(String.valueOf(value)::equals)) {
			problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
		}
		if (schema.containsKey("pattern") && value instanceof String text
				&& !Pattern.compile((String) schema.get("pattern")).matcher(text).find()) {
			problems.add(path + ": '" + text + "' does not match " + schema.get("pattern"));
		}
		if (schema.containsKey("minimum") && value instanceof Number number
				&& number.doubleValue() < ((Number) schema.get("minimum")).doubleValue()) {
			problems.add(path + ": " + number + " is below " + schema.get("minimum"));
		}
		if (value instanceof Map<?, ?> object) {
			Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
			for (String required : (List<String>) schema.getOrDefault("required", List.of())) {
				if (!object.containsKey(required)) {
					problems.add(path + ": required " + required + " is missing");
				}
			}
			for (Map.Entry<?, ?> entry : object.entrySet()) {
				String key = String.valueOf(entry.getKey());
				if (properties.containsKey(key)) {
					check(properties.get(key), entry.getValue(), path + "." + key, problems);
				}
				else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
					problems.add(path + ": " + key + " is not in the schema");
				}
			}
		}
		if (value instanceof List<?> items && schema.containsKey("items")) {
			for (int i = 0; i < items.size(); i++) {
				check(schema.get("items"), items.get(i), path + "[" + i + "]", problems);
			}
		}
	}

	/** The schema a node stands for, following a local {@code $ref}. */
	@SuppressWarnings("unchecked")
	Map<String, Object> resolve(Object node) {
		Map<String, Object> schema = (Map<String, Object>) node;
		while (schema.containsKey("$ref")) {
			String ref = (String) schema.get("$ref");
			if (!ref.startsWith("#/")) {
				throw new IllegalArgumentException("only local references: " + ref);
			}
			Object target = this.document;
			for (String key : ref.substring(2).split("/")) {
				target = ((Map<String, Object>) target).get(key);
			}
			if (target == null) {
				throw new IllegalArgumentException("unresolved " + ref);
			}
			schema = (Map<String, Object>) target;
		}
		return schema;
	}

	/** Property names an object schema allows, over allOf parts. */
	@SuppressWarnings("unchecked")
	Set<String> propertyNames(Object node) {
		Map<String, Object> schema = resolve(node);
		Set<String> names = new java.util.LinkedHashSet<>(((Map<String, Object>) schema.getOrDefault("properties", Map.of())).keySet());
		for (Object part : (List<Object>) schema.getOrDefault("allOf", List.of())) {
			names.addAll(propertyNames(part));
		}
		return names;
	}

	private static boolean typeMatches(Object type, Object value) {
		if (type instanceof List<?> types) {
			return types.stream().anyMatch(t -> typeMatches(t, value));
		}
		return switch (String.valueOf(type)) {
			case "null" -> value == null;
			case "string" -> value instanceof String;
			case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
			case "number" -> value instanceof Number;
			case "boolean" -> value instanceof Boolean;
			case "object" -> value instanceof Map;
			case "array" -> value instanceof List;
			default -> throw new IllegalArgumentException("unknown type " + type);
		};
	}

	private static String describe(Object value) {
		return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
	}

}
