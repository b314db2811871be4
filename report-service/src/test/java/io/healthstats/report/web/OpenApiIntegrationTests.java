package io.healthstats.report.web;

import io.healthstats.report.ReportServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@ReportServiceTest
class OpenApiIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void documentsEveryReportEndpointWithItsErrorsAndChineseExamples() {
		assertThat(this.mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyText()
			.contains("\"/api/v1/reports\"", "/api/v1/reports/{id}/approve", "/api/v1/reports/{id}/observations",
					"/api/v1/reports/{id}/versions/{version}", "\"412\"", "\"428\"", "\"413\"", "舒城县卫健委2024年第一季度工作总结",
					"\"bearer\"");
	}

}
