package io.healthstats.report.analysis;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The dictionary binds from application.yml and covers the whole catalogue. */
class IndicatorDictionaryConfigurationTests {

	private static final String[] CATALOGUE = { "OUTPATIENT_VISITS", "BIRTHS", "SECOND_CHILD_BIRTHS",
			"HEALTH_CHECK_APPOINTMENTS", "HEALTH_CHECK_COMPLETED", "VACCINE_DOSES", "PUBLIC_HEALTH_EMERGENCIES",
			"MEDICAL_INSTITUTIONS", "LICENSED_PHYSICIANS", "REGISTERED_NURSES", "POPULATION", "CHILDCARE_SLOTS",
			"HEALTH_CHECK_COMPLETION_RATE", "FULL_VACCINATION_RATE", "SECOND_CHILD_BIRTH_RATIO",
			"MATERNAL_SYSTEMATIC_MANAGEMENT_RATE", "PATIENT_SATISFACTION", "INFECTIOUS_DISEASE_REPORT_TIMELINESS" };

	/** The application's own application.yml, read the way Boot reads it, and only this package's configuration. */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(AnalysisConfiguration.class);

	@Test
	void bindsPhrasesAndUnitsForEveryCatalogueIndicator() {
		this.runner.run((context) -> {
			IndicatorDictionary dictionary = context.getBean(IndicatorDictionary.class);
			assertThat(dictionary.phrases()).containsOnlyKeys(CATALOGUE);
			assertThat(dictionary.units()).containsOnlyKeys(CATALOGUE);
			assertThat(dictionary.phrases().get("LICENSED_PHYSICIANS")).contains("执业(助理)医师");
			assertThat(dictionary.phrases().get("HEALTH_CHECK_COMPLETION_RATE")).contains("体检…完成率");
			assertThat(dictionary.units().get("PATIENT_SATISFACTION")).containsExactly("%");
			assertThat(dictionary.phrases().values()).allSatisfy((phrases) -> assertThat(phrases).isNotEmpty());
		});
	}

	@Test
	void providesTheConfiguredAnalyzer() {
		this.runner.run((context) -> assertThat(context.getBean(DocumentAnalyzer.class)
			.analyze("2023年全县现有医疗机构461个,执业(助理)医师1505人。")
			.figures()).extracting(Figure::indicator).containsExactly(null, "MEDICAL_INSTITUTIONS", "LICENSED_PHYSICIANS"));
	}

	@Test
	void thePhrasesCanBeChangedByConfiguration() {
		this.runner.withPropertyValues("report.figures.dictionary.CHILDCARE_SLOTS[0]=托育位").run((context) -> {
			DocumentAnalyzer analyzer = context.getBean(DocumentAnalyzer.class);
			assertThat(analyzer.analyze("新增托育位120个。").figures()).extracting(Figure::indicator)
				.containsExactly("CHILDCARE_SLOTS");
		});
	}

}
