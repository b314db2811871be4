package io.healthstats.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo county of Lu'an (六安市) and the facts its report quotes.
 * @param code GB/T 2260 code
 * @param name Chinese name, e.g. 舒城县
 * @param population resident population at the end of 2024
 * @param highlight a sentence on what this county is known for in 2024
 * @param plan a sentence on its own 2025 plans
 */
record County(String code, String name, long population, String highlight, String plan) {

	/** 区 or 县, as in 全区 / 区委 or 全县 / 县委. */
	String area() {
		return this.name.substring(this.name.length() - 1);
	}

	static List<County> all(JsonMapper json) {
		try (InputStream in = County.class.getResourceAsStream("/demo/counties.json")) {
			return json.readValue(in, new TypeReference<List<County>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
