package io.healthstats.platform.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plausible monthly and quarterly figures of one county for 2024 and 2025. Magnitudes follow the seed
 * county summary (a county of about a million people: 461 institutions, 1505 physicians, 1548 nurses,
 * 6685 births a year of which 3356 second children, 120 childcare slots, 39229 health-check
 * appointments and 26071 completed); every county gets its own deterministic variation (fixed seed),
 * so the demo shows the same numbers on every machine. 舒城县 (341523), the seed's county, keeps the
 * seed's figures exactly for 2024.
 */
final class CountyFigures {

	static final String SEED_COUNTY = "341523";

	static final int FIRST_YEAR = 2024;

	static final int YEARS = 2;

	private static final double SEED_POPULATION = 997_800;

	// Month weights: winter respiratory season, Spring Festival dip, school-term vaccination, and the
	// health-check campaign that pauses in winter.
	private static final double[] OUTPATIENT_SEASON = { 1.12, 0.88, 1.02, 0.98, 0.96, 0.94, 0.97, 0.98, 0.97, 0.98, 1.05, 1.15 };

	private static final double[] BIRTH_SEASON = { 1.02, 0.90, 0.95, 0.93, 0.98, 1.00, 1.05, 1.08, 1.10, 1.04, 0.98, 0.97 };

	private static final double[] CHECK_SEASON = { 0.55, 0.45, 1.05, 1.25, 1.30, 1.10, 0.90, 0.85, 1.15, 1.20, 1.20, 1.00 };

	private static final double[] VACCINE_SEASON = { 0.95, 0.75, 1.05, 1.10, 1.05, 0.95, 0.95, 1.00, 1.20, 1.10, 1.00, 0.90 };

	private static final double[] INFECTIOUS_SEASON = { 1.30, 1.10, 1.10, 1.00, 0.95, 0.90, 0.95, 0.95, 0.90, 0.90, 0.95, 1.20 };

	private final County county;

	private final Random random;

	// months: index 0 = January 2024 … 23 = December 2025; quarters: 0 = 2024Q1 … 7 = 2025Q4
	final long[] outpatientVisits = new long[24];

	final long[] births = new long[24];

	final long[] secondChildBirths = new long[24];

	final long[] checkAppointments = new long[24];

	final long[] checksCompleted = new long[24];

	final long[] vaccineDoses = new long[24];

	final long[] emergencies = new long[24];

	final long[] infectiousReports = new long[24];

	final long[] infectiousReportsInTime = new long[24];

	final long[] institutions = new long[8];

	final long[] physicians = new long[8];

	final long[] nurses = new long[8];

	final long[] population = new long[8];

	final long[] childcareSlots = new long[8];

	final long[] vaccinationCohort = new long[8];

	final long[] fullyVaccinated = new long[8];

	final long[] mothersManaged = new long[8];

	final long[] surveyed = new long[8];

	final long[] satisfied = new long[8];

	private CountyFigures(County county) {
		this.county = county;
		this.random = new Random(20240101L * 31 + Long.parseLong(county.code()));
	}

	static CountyFigures of(County county) {
		CountyFigures figures = new CountyFigures(county);
		figures.generate();
		return figures;
	}

	County county() {
		return this.county;
	}

	private boolean isSeedCounty() {
		return SEED_COUNTY.equals(this.county.code());
	}

	private void generate() {
		double scale = this.county.population() / SEED_POPULATION;
		boolean seed = isSeedCounty();

		long births2024 = seed ? 6685 : round(6685 * scale * vary(0.10));
		long second2024 = seed ? 3356 : round(births2024 * 0.502 * vary(0.06));
		long appointments2024 = seed ? 39229 : round(39229 * scale * vary(0.12));
		long completed2024 = seed ? 26071 : round(appointments2024 * 0.6646 * vary(0.05));
		long outpatient2024 = round(this.county.population() * 4.2 * vary(0.12));
		long vaccine2024 = round(births2024 * 17 * vary(0.08));

		// 2025: fewer births, more outpatient visits and health checks (the campaign's target is +2 points)
		long births2025 = round(births2024 * 0.955 * vary(0.02));
		long second2025 = round(births2025 * ((double) second2024 / births2024) * vary(0.03));
		long appointments2025 = round(appointments2024 * 1.07 * vary(0.03));
		long completed2025 = Math.min(round(appointments2025 * ((double) completed2024 / appointments2024 + 0.025)),
				appointments2025);
		long outpatient2025 = round(outpatient2024 * 1.045 * vary(0.02));
		long vaccine2025 = round(vaccine2024 * 0.97 * vary(0.02));

		fillYear(0, births2024, second2024, appointments2024, completed2024, outpatient2024, vaccine2024);
		fillYear(1, births2025, second2025, appointments2025, completed2025, outpatient2025, vaccine2025);
		for (int month = 0; month < 24; month++) {
			this.emergencies[month] = poisson(0.35 * Math.sqrt(scale));
			this.infectiousReports[month] = Math.max(5, round(95 * scale * INFECTIOUS_SEASON[month % 12] * vary(0.25)));
			long late = round(this.infectiousReports[month] * (0.005 + this.random.nextDouble() * 0.025));
			this.infectiousReportsInTime[month] = this.infectiousReports[month] - late;
		}

		// Stocks are anchored at the end of 2024 (quarter index 3) and drift from there.
		stock(this.institutions, seed ? 461 : round(461 * scale * vary(0.12)), 0.002, 0.004);
		stock(this.physicians, seed ? 1505 : round(1505 * scale * vary(0.12)), 0.008, 0.003);
		stock(this.nurses, seed ? 1548 : round(1548 * scale * vary(0.12)), 0.010, 0.003);
		stock(this.population, this.county.population(), -0.001, 0.0005);
		stock(this.childcareSlots, seed ? 120 : Math.max(20, round(120 * scale * vary(0.30))), 0.12, 0.05);

		for (int quarter = 0; quarter < 8; quarter++) {
			long cohort = round(sum(this.births, quarter * 3, quarter * 3 + 3) * vary(0.05));
			this.vaccinationCohort[quarter] = cohort;
			this.fullyVaccinated[quarter] = round(cohort * (0.965 + this.random.nextDouble() * 0.03));
			long deliveries = sum(this.births, quarter * 3, quarter * 3 + 3);
			this.mothersManaged[quarter] = round(deliveries * (0.93 + this.random.nextDouble() * 0.05));
			this.surveyed[quarter] = 600 + this.random.nextInt(700);
			this.satisfied[quarter] = round(this.surveyed[quarter] * (0.91 + this.random.nextDouble() * 0.06));
		}
		if (seed) {
			// The seed's coverage above 100 % (vaccinated against an estimated cohort): legal, and flagged.
			this.vaccinationCohort[3] = 1635;
			this.fullyVaccinated[3] = 1641;
		}
	}

	private void fillYear(int year, long births, long second, long appointments, long completed, long outpatient,
			long vaccine) {
		int from = year * 12;
		put(this.births, from, allocate(births, weights(BIRTH_SEASON, 0.05)));
		put(this.checkAppointments, from, allocate(appointments, weights(CHECK_SEASON, 0.06)));
		put(this.outpatientVisits, from, allocate(outpatient, weights(OUTPATIENT_SEASON, 0.04)));
		put(this.vaccineDoses, from, allocate(vaccine, weights(VACCINE_SEASON, 0.05)));
		// Parts of a rate follow their whole month by month, so no month's rate is absurd.
		put(this.secondChildBirths, from, allocate(second, proportional(this.births, from, 0.06)));
		put(this.checksCompleted, from, allocate(completed, proportional(this.checkAppointments, from, 0.05)));
		for (int month = from; month < from + 12; month++) {
			this.secondChildBirths[month] = Math.min(this.secondChildBirths[month], this.births[month]);
			this.checksCompleted[month] = Math.min(this.checksCompleted[month], this.checkAppointments[month]);
		}
	}

	private void stock(long[] target, long endOf2024, double quarterlyGrowth, double noise) {
		for (int quarter = 0; quarter < 8; quarter++) {
			double drift = Math.pow(1 + quarterlyGrowth, quarter - 3);
			target[quarter] = (quarter == 3) ? endOf2024 : Math.max(0, round(endOf2024 * drift * vary(noise)));
		}
	}

	/** The rows to post for one year, months and quarters of every demo indicator. */
	List<Observation> observations(int year) {
		String region = this.county.code();
		List<Observation> rows = new ArrayList<>();
		int offset = (year - FIRST_YEAR) * 12;
		for (int m = 0; m < 12; m++) {
			int i = offset + m;
			String period = String.format("%d%02d", year, m + 1);
			rows.add(Observation.value("OUTPATIENT_VISITS", region, period, this.outpatientVisits[i]));
			rows.add(Observation.value("BIRTHS", region, period, this.births[i]));
			rows.add(Observation.value("SECOND_CHILD_BIRTHS", region, period, this.secondChildBirths[i]));
			rows.add(Observation.value("HEALTH_CHECK_APPOINTMENTS", region, period, this.checkAppointments[i]));
			rows.add(Observation.value("HEALTH_CHECK_COMPLETED", region, period, this.checksCompleted[i]));
			rows.add(Observation.value("VACCINE_DOSES", region, period, this.vaccineDoses[i]));
			rows.add(Observation.value("PUBLIC_HEALTH_EMERGENCIES", region, period, this.emergencies[i]));
			rows.add(Observation.rate("HEALTH_CHECK_COMPLETION_RATE", region, period, this.checksCompleted[i],
					this.checkAppointments[i]));
			rows.add(Observation.rate("SECOND_CHILD_BIRTH_RATIO", region, period, this.secondChildBirths[i], this.births[i]));
			rows.add(Observation.rate("INFECTIOUS_DISEASE_REPORT_TIMELINESS", region, period,
					this.infectiousReportsInTime[i], this.infectiousReports[i]));
		}
		int quarterOffset = (year - FIRST_YEAR) * 4;
		for (int q = 0; q < 4; q++) {
			int i = quarterOffset + q;
			String period = year + "Q" + (q + 1);
			rows.add(Observation.value("MEDICAL_INSTITUTIONS", region, period, this.institutions[i]));
			rows.add(Observation.value("LICENSED_PHYSICIANS", region, period, this.physicians[i]));
			rows.add(Observation.value("REGISTERED_NURSES", region, period, this.nurses[i]));
			rows.add(Observation.value("POPULATION", region, period, this.population[i]));
			rows.add(Observation.value("CHILDCARE_SLOTS", region, period, this.childcareSlots[i]));
			rows.add(Observation.rate("FULL_VACCINATION_RATE", region, period, this.fullyVaccinated[i], this.vaccinationCohort[i]));
			rows.add(Observation.rate("MATERNAL_SYSTEMATIC_MANAGEMENT_RATE", region, period, this.mothersManaged[i],
					deliveries(i)));
			rows.add(Observation.rate("PATIENT_SATISFACTION", region, period, this.satisfied[i], this.surveyed[i]));
		}
		return rows;
	}

	private long deliveries(int quarter) {
		return sum(this.births, quarter * 3, quarter * 3 + 3);
	}

	/**
	 * The figures a 2024 annual summary quotes, formatted as such a report writes them: counts summed
	 * over the year, stocks at the year's end, rates as Σnumerator / Σdenominator.
	 */
	Map<String, String> facts2024() {
		Map<String, String> facts = new LinkedHashMap<>();
		long births = sum(this.births, 0, 12);
		long second = sum(this.secondChildBirths, 0, 12);
		long appointments = sum(this.checkAppointments, 0, 12);
		long completed = sum(this.checksCompleted, 0, 12);
		facts.put("name", this.county.name());
		facts.put("area", this.county.area());
		facts.put("highlight", this.county.highlight());
		facts.put("plan", this.county.plan());
		facts.put("institutions", Long.toString(this.institutions[3]));
		facts.put("physicians", Long.toString(this.physicians[3]));
		facts.put("nurses", Long.toString(this.nurses[3]));
		facts.put("physiciansPerThousand", decimal(this.physicians[3] * 1000.0 / this.population[3], 2));
		facts.put("populationWan", decimal(this.population[3] / 10_000.0, 2));
		facts.put("outpatientWan", decimal(sum(this.outpatientVisits, 0, 12) / 10_000.0, 2));
		facts.put("vaccineDoses", Long.toString(sum(this.vaccineDoses, 0, 12)));
		facts.put("fullVaccinationRate", percent(sum(this.fullyVaccinated, 0, 4), sum(this.vaccinationCohort, 0, 4)));
		facts.put("appointments", Long.toString(appointments));
		facts.put("completed", Long.toString(completed));
		facts.put("completionRate", percent(completed, appointments));
		facts.put("births", Long.toString(births));
		facts.put("secondBirths", Long.toString(second));
		facts.put("secondRatio", percent(second, births));
		facts.put("childcareSlots", Long.toString(this.childcareSlots[3]));
		facts.put("maternalRate", percent(sum(this.mothersManaged, 0, 4), sum(this.births, 0, 12)));
		facts.put("satisfaction", percent(sum(this.satisfied, 0, 4), sum(this.surveyed, 0, 4)));
		facts.put("timeliness", percent(sum(this.infectiousReportsInTime, 0, 12), sum(this.infectiousReports, 0, 12)));
		facts.put("emergencies", Long.toString(sum(this.emergencies, 0, 12)));
		return facts;
	}

	/** Splits a total into integer parts proportional to the weights, summing exactly to the total. */
	static long[] allocate(long total, double[] weights) {
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		long[] parts = new long[weights.length];
		double[] remainders = new double[weights.length];
		long assigned = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = total * weights[i] / sum;
			parts[i] = (long) Math.floor(exact);
			remainders[i] = exact - parts[i];
			assigned += parts[i];
		}
		for (long left = total - assigned; left > 0; left--) {
			int largest = 0;
			for (int i = 1; i < remainders.length; i++) {
				if (remainders[i] > remainders[largest]) {
					largest = i;
				}
			}
			parts[largest]++;
			remainders[largest] = -1;
		}
		return parts;
	}

	private double[] weights(double[] season, double noise) {
		double[] weights = new double[12];
		for (int i = 0; i < 12; i++) {
			weights[i] = season[i] * vary(noise);
		}
		return weights;
	}

	private double[] proportional(long[] whole, int from, double noise) {
		double[] weights = new double[12];
		for (int i = 0; i < 12; i++) {
			weights[i] = whole[from + i] * vary(noise);
		}
		return weights;
	}

	private static void put(long[] target, int from, long[] values) {
		System.arraycopy(values, 0, target, from, values.length);
	}

	private double vary(double amplitude) {
		return 1 + (this.random.nextDouble() * 2 - 1) * amplitude;
	}

	private long poisson(double mean) {
		double limit = Math.exp(-mean);
		double product = this.random.nextDouble();
		long count = 0;
		while (product > limit) {
			product *= this.random.nextDouble();
			count++;
		}
		return count;
	}

	static long sum(long[] values, int from, int to) {
		long total = 0;
		for (int i = from; i < to; i++) {
			total += values[i];
		}
		return total;
	}

	private static long round(double value) {
		return Math.round(value);
	}

	private static String percent(long numerator, long denominator) {
		return decimal(numerator * 100.0 / denominator, 2);
	}

	private static String decimal(double value, int scale) {
		return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
	}

}
