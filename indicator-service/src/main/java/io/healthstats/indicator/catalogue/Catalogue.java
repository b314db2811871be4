package io.healthstats.indicator.catalogue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The indicator catalogue of DESIGN.md §3. Fixed in code: every service and report maps to these codes. */
@Component
public class Catalogue {

	private static final BigDecimal PERCENT = BigDecimal.valueOf(100);

	private final Map<String, Indicator> byCode = new LinkedHashMap<>();

	public Catalogue() {
		count("OUTPATIENT_VISITS", "门诊诊疗人次", "Outpatient visits", "人次", "Outpatient and emergency visits at all medical institutions in the period.");
		count("BIRTHS", "出生人数", "Live births", "人", "Live births registered in the period.");
		count("SECOND_CHILD_BIRTHS", "二孩出生人数", "Second-child births", "人", "Live births that are the mother's second child.");
		count("HEALTH_CHECK_APPOINTMENTS", "体检预约人数", "Health check appointments", "人", "Key-population (45–64) health checks booked.");
		count("HEALTH_CHECK_COMPLETED", "完成体检人数", "Health checks completed", "人", "Key-population (45–64) health checks completed.");
		count("VACCINE_DOSES", "疫苗接种剂次", "Vaccine doses", "剂次", "Vaccine doses administered.");
		count("PUBLIC_HEALTH_EMERGENCIES", "突发公共卫生事件数", "Public health emergencies", "起", "Public health emergencies handled.");
		stock("MEDICAL_INSTITUTIONS", "医疗机构数", "Medical institutions", "个", "Medical institutions in operation at the end of the period.");
		stock("LICENSED_PHYSICIANS", "执业(助理)医师数", "Licensed (assistant) physicians", "人", "Licensed and assistant physicians at the end of the period.");
		stock("REGISTERED_NURSES", "注册护士数", "Registered nurses", "人", "Registered nurses at the end of the period.");
		stock("POPULATION", "常住人口", "Resident population", "人", "Resident population at the end of the period.");
		stock("CHILDCARE_SLOTS", "托位数", "Childcare slots", "个", "Registered childcare slots for children under 3.");
		rate("HEALTH_CHECK_COMPLETION_RATE", "体检完成率", "Health check completion rate", "HEALTH_CHECK_COMPLETED", "HEALTH_CHECK_APPOINTMENTS", "Completed health checks per appointment.");
		rate("FULL_VACCINATION_RATE", "全程接种率", "Full vaccination rate", null, null, "People fully vaccinated per target population; may exceed 100 % against an estimated population.");
		rate("SECOND_CHILD_BIRTH_RATIO", "二孩占比", "Second-child birth ratio", "SECOND_CHILD_BIRTHS", "BIRTHS", "Second-child births per live birth.");
		rate("MATERNAL_SYSTEMATIC_MANAGEMENT_RATE", "孕产妇系统管理率", "Maternal systematic management rate", null, null, "Mothers under systematic management per delivery.");
		rate("PATIENT_SATISFACTION", "患者满意度", "Patient satisfaction", null, null, "Satisfied respondents per respondent.");
		rate("INFECTIOUS_DISEASE_REPORT_TIMELINESS", "传染病报告及时率", "Infectious disease report timeliness", null, null, "Cases reported on time per case reported.");
	}

	public List<Indicator> all() {
		return List.copyOf(this.byCode.values());
	}

	public Optional<Indicator> find(String code) {
		return Optional.ofNullable(code == null ? null : this.byCode.get(code));
	}

	public Indicator get(String code) {
		return find(code).orElseThrow(() -> new UnknownIndicatorException(code));
	}

	private void count(String code, String zh, String en, String unit, String definition) {
		add(new Indicator(code, zh, en, unit, IndicatorKind.COUNT, null, null, null, definition));
	}

	private void stock(String code, String zh, String en, String unit, String definition) {
		add(new Indicator(code, zh, en, unit, IndicatorKind.STOCK, null, null, null, definition));
	}

	private void rate(String code, String zh, String en, String numerator, String denominator, String definition) {
		add(new Indicator(code, zh, en, "%", IndicatorKind.RATE, PERCENT, numerator, denominator, definition));
	}

	private void add(Indicator indicator) {
		this.byCode.put(indicator.code(), indicator);
	}

}
