package io.healthstats.export.format;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats an export can have: five for observations, one for reports.
 */
public enum ExportFormat {

	CSV("csv", "text/csv; charset=UTF-8", "csv", false),

	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false),

	JSON("json", "application/json", "json", false),

	/** SDMX-CSV 2.0, the statistics-exchange flavour of CSV (SDMX 3.0). */
	SDMX_CSV("sdmx-csv", "application/vnd.sdmx.data+csv; version=2.0.0; charset=UTF-8", "csv", false),

	/** A DHIS2 {@code dataValueSets} document, importable by any DHIS2 instance whose data elements use our codes. */
	DHIS2_JSON("dhis2-json", "application/json", "json", false),

	DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", true);

	private final String id;

	private final String contentType;

	private final String extension;

	private final boolean forReports;

	ExportFormat(String id, String contentType, String extension, boolean forReports) {
		this.id = id;
		this.contentType = contentType;
		this.extension = extension;
		this.forReports = forReports;
	}

	public static Optional<ExportFormat> of(String id) {
		return Arrays.stream(values()).filter(format -> format.id.equalsIgnoreCase(id)).findFirst();
	}

	/** How clients name it: {@code csv}, {@code xlsx}, {@code json}, {@code sdmx-csv}, {@code dhis2-json}, {@code docx}. */
	public String id() {
		return this.id;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

	/** Whether it exports a report (docx) rather than observations. */
	public boolean forReports() {
		return this.forReports;
	}

	/** Opens a writer of observation rows in this format; not for report formats. */
	public RowWriter rowWriter(java.io.OutputStream out) {
		return switch (this) {
			case CSV -> new CsvRowWriter(out);
			case XLSX -> new XlsxRowWriter(out);
			case JSON -> new JsonRowWriter(out);
			case SDMX_CSV -> new SdmxCsvRowWriter(out);
			case DHIS2_JSON -> new Dhis2JsonRowWriter(out);
			case DOCX -> throw new IllegalStateException("docx exports reports, not observation rows");
		};
	}

	@Override
	public String toString() {
		return this.id;
	}

}
