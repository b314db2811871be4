package io.healthstats.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.Document;

/**
 * The bench's observations, generated (never stored in the repository) and always the same:
 * six extra cities of Anhui (340100 … 340600) with 31 counties each (340101 … 340131, …), and for
 * every indicator of the catalogue one value per county and month from 200001 to 202412 —
 * 18 × 300 × 186 = 1,004,400 rows. Row {@code i} is computed from {@code i} alone, so a load can
 * stop and resume anywhere.
 *
 * <p>Order: indicator by indicator (catalogue order), newest month first, county by county. A
 * 1,000-row batch is then about five months of one indicator for every county — how monthly
 * figures arrive — and the first ~8,000 rows (the 10,000-observation size, with the demo data) are
 * {@code OUTPATIENT_VISITS} from 202107 to 202412 for all counties: everything the measured reads ask
 * for. The reads therefore get identical answers at 10 k and at 1 M stored; only the volume around
 * them changes.
 */
final class Dataset {

	static final List<String> CITIES = List.of("340100", "340200", "340300", "340400", "340500", "340600");

	static final int COUNTIES_PER_CITY = 31;

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2024;

	static final int MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;

	/** code, kind (COUNT, STOCK or RATE) of each catalogue indicator, in catalogue order. */
	record Indicator(String code, String kind) {
	}

	/** One observation as posted: value, or numerator and denominator for a rate. */
	record Row(String indicator, String region, String period, long value, long numerator, long denominator, boolean rate) {

		void appendJson(StringBuilder json) {
			json.append("{\"indicator\":\"").append(this.indicator).append("\",\"region\":\"").append(this.region)
				.append("\",\"period\":\"").append(this.period).append('"');
			if (this.rate) {
				json.append(",\"numerator\":").append(this.numerator).append(",\"denominator\":").append(this.denominator);
			}
			else {
				json.append(",\"value\":").append(this.value);
			}
			json.append('}');
		}

		/** The same row as a document, numbers as exact decimal strings like the service keeps them. */
		Document toDocument() {
			Document doc = new Document("indicator", this.indicator).append("region", this.region).append("period", this.period);
			if (this.rate) {
				return doc.append("numerator", Long.toString(this.numerator)).append("denominator", Long.toString(this.denominator));
			}
			return doc.append("value", Long.toString(this.value));
		}

	}

	private final List<Indicator> indicators;

	private final List<String> counties;

	Dataset(List<Indicator> indicators) {
		this.indicators = List.copyOf(indicators);
		this.counties = counties();
	}

	static List<String> counties() {
		List<String> counties = new ArrayList<>();
		for (String city : CITIES) {
			for (int n = 1; n <= COUNTIES_PER_CITY; n++) {
				counties.add(city.substring(0, 4) + String.format(Locale.ROOT, "%02d", n));
			}
		}
		return counties;
	}

	long size() {
		return (long) this.indicators.size() * MONTHS * this.counties.size();
	}

	Row row(long index) {
		long perIndicator = (long) MONTHS * this.counties.size();
		Indicator indicator = this.indicators.get((int) (index / perIndicator));
		int rest = (int) (index % perIndicator);
		int monthsBack = rest / this.counties.size();
		int county = rest % this.counties.size();
		int year = LAST_YEAR - monthsBack / 12;
		int month = 12 - monthsBack % 12;
		String period = String.format(Locale.ROOT, "%d%02d", year, month);
		// plausible magnitudes that vary by county and month; only determinism matters
		long h = mix(indicator.code().hashCode() * 31L + county * 1_000_003L + monthsBack);
		long scale = 200 + (county * 37 % 400);
		return switch (indicator.kind()) {
			case "RATE" -> {
				long denominator = 100 + scale + Math.floorMod(h, 300);
				long numerator = denominator * (80 + Math.floorMod(h >> 16, 20)) / 100;
				yield new Row(indicator.code(), this.counties.get(county), period, 0, numerator, denominator, true);
			}
			case "STOCK" -> new Row(indicator.code(), this.counties.get(county), period, scale * 10 + Math.floorMod(h, 50), 0, 0, false);
			default -> new Row(indicator.code(), this.counties.get(county), period, scale * 40 + Math.floorMod(h, 2_000), 0, 0, false);
		};
	}

	String json(long from, long to) {
		StringBuilder json = new StringBuilder((int) (to - from) * 90).append('[');
		for (long i = from; i < to; i++) {
			if (i > from) {
				json.append(',');
			}
			row(i).appendJson(json);
		}
		return json.append(']').toString();
	}

	List<Document> documents(long from, long to) {
		List<Document> docs = new ArrayList<>();
		for (long i = from; i < to; i++) {
			docs.add(row(i).toDocument());
		}
		return docs;
	}

	private static long mix(long x) {
		x ^= x >>> 33;
		x *= 0xff51afd7ed558ccdL;
		x ^= x >>> 33;
		return x;
	}

}
