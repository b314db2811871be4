package io.healthstats.report.web;

import java.nio.charset.StandardCharsets;

import io.healthstats.localinfra.TestTokens;
import io.healthstats.report.ReportServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the real server: the upload limit is enforced while Tomcat reads the request. */
@ReportServiceTest
class UploadLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void refusesAnUploadOverTenMebibytesWithAProblem() {
		long before = this.mongo.getCollection("reports").countDocuments();
		byte[] large = "全县门诊诊疗人次41.3万人次。".repeat(280_000).getBytes(StandardCharsets.UTF_8);
		assertThat(large.length).isGreaterThan(10 * 1024 * 1024);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(large) {

			@Override
			public String getFilename() {
				return "large.txt";
			}

		});
		parts.add("title", "超大文件");
		parts.add("region", "341523");
		parts.add("period", "2024Q1");
		parts.add("kind", "QUARTERLY_SUMMARY");

		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/upload-too-large");

		assertThat(this.mongo.getCollection("reports").countDocuments()).isEqualTo(before);
	}

}
