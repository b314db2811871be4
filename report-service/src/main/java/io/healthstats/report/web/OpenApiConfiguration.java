package io.healthstats.report.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** This service's OpenAPI document, shown with the others in the gateway's Swagger UI. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "report-service", version = "v1",
		description = "县区卫健委工作总结、计划等报告: 上传 (JSON、.docx、.txt)、版本、章节与数字提取、审批流程 (提交 → 审核通过/退回 → 发布), "
				+ "审核通过后报告中的指标数字作为观测值发送到 indicator-service。"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
		description = "Client-credentials token from the platform's authorization server (POST /oauth2/token)")
class OpenApiConfiguration {

}
