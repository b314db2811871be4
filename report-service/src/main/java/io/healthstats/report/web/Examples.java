package io.healthstats.report.web;

/** Example problem bodies for the API documentation. */
final class Examples {

	static final String VALIDATION = """
			{"type":"https://healthstats.io/problems/validation","title":"Validation failed","status":400,
			 "detail":"The request has invalid fields.","instance":"/api/v1/reports",
			 "errors":[{"field":"period","message":"'2024Q5' is not a period id: use a year (2024), a quarter (2024Q1 to 2024Q4) or a month (202401 to 202412)"}]}""";

	static final String BAD_PERIOD = """
			{"type":"https://healthstats.io/problems/validation","title":"Validation failed","status":400,
			 "detail":"The request has invalid fields.","instance":"/api/v1/reports",
			 "errors":[{"field":"period","message":"'202413' is not a period id: use a year (2024), a quarter (2024Q1 to 2024Q4) or a month (202401 to 202412)"}]}""";

	static final String FORBIDDEN_REGION = """
			{"type":"https://healthstats.io/problems/forbidden-region","title":"Region outside the caller's","status":403,
			 "detail":"Client county-341523 of region 341523 may not create reports for region 341502, which lies outside its region."}""";

	static final String UNREADABLE = """
			{"type":"https://healthstats.io/problems/unreadable-document","title":"Unreadable document","status":400,
			 "detail":"The .docx document is damaged and cannot be read."}""";

	static final String NOT_FOUND = """
			{"type":"https://healthstats.io/problems/report-not-found","title":"Report not found","status":404,
			 "detail":"There is no report 3f1c2a9e-8d7b-4c61-9a55-0e2f4b6d8c10."}""";

	static final String LOCKED = """
			{"type":"https://healthstats.io/problems/report-locked","title":"Report locked","status":409,
			 "detail":"Report 3f1c2a9e-8d7b-4c61-9a55-0e2f4b6d8c10 is APPROVED and cannot be edited; approved reports are locked."}""";

	static final String STALE = """
			{"type":"https://healthstats.io/problems/stale-version","title":"Stale version","status":412,
			 "detail":"Report 3f1c2a9e-8d7b-4c61-9a55-0e2f4b6d8c10 is at version 3, not 2: read it again and apply your change to the current version.",
			 "currentVersion":3}""";

	static final String WRONG_STATE = """
			{"type":"https://healthstats.io/problems/invalid-transition","title":"Step not possible now","status":409,
			 "detail":"Report 3f1c2a9e-8d7b-4c61-9a55-0e2f4b6d8c10 is APPROVED; only a report that is DRAFT or RETURNED can be submitted."}""";

	static final String OWN_REGION = """
			{"type":"https://healthstats.io/problems/workflow-forbidden","title":"Step not allowed","status":403,
			 "detail":"Nobody may approve a report of their own region: report 3f1c2a9e-8d7b-4c61-9a55-0e2f4b6d8c10 belongs to region 341523, so a client of a region above it must do that."}""";

	private Examples() {
	}

}
