package io.healthstats.report.web;

import java.nio.charset.StandardCharsets;

import io.healthstats.localinfra.TestTokens;
import io.healthstats.report.ReportServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the real server, whose multipart parser sees the bytes: a broken upload is 400, not 500. */
@ReportServiceTest
class MalformedMultipartIntegrationTests {

	private static final String FORM = """
			--cut\r
			Content-Disposition: form-data; name="title"\r
			\r
			舒城县卫健委2024年第一季度工作总结\r
			--cut\r
			Content-Disposition: form-data; name="file"; filename="summary.txt"\r
			Content-Type: text/plain\r
			\r
			一、工作总结 全县门诊诊疗41.3万人次。\r
			""";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anUploadCutShortBeforeItsClosingBoundaryIsABadRequest() {
		long before = this.mongo.getCollection("reports").countDocuments();

		upload("multipart/form-data; boundary=cut", FORM.substring(0, FORM.length() - 12))
			.jsonPath("$.type")
			.isEqualTo("https://healthstats.io/problems/unreadable-multipart");

		assertThat(this.mongo.getCollection("reports").countDocuments()).isEqualTo(before);
	}

	@Test
	void anUploadWhoseBoundaryIsNotTheDeclaredOneIsABadRequest() {
		upload("multipart/form-data; boundary=another", FORM + "--cut--\r\n").jsonPath("$.status").isEqualTo(400);
	}

	private RestTestClient.BodyContentSpec upload(String contentType, String body) {
		return RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/api/v1/reports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("county-341523"))
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

}
