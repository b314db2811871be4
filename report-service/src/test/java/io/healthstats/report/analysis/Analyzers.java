package io.healthstats.report.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The analyzer as configured in application.yml, for plain unit tests (no application context). */
final class Analyzers {

	static final IndicatorDictionary DICTIONARY = dictionaryFromApplicationYml();

	static final DocumentAnalyzer CONFIGURED = new DocumentAnalyzer(DICTIONARY);

	private Analyzers() {
	}

	static Analysis analyze(String text) {
		return CONFIGURED.analyze(text);
	}

	static String fixture(String name) {
		try {
			return new ClassPathResource("fixtures/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static IndicatorDictionary dictionaryFromApplicationYml() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
			return Binder.get(environment).bind("report.figures", FiguresProperties.class).get().toDictionary();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
