package io.healthstats.report.document;

/** Every kind of change a report goes through; each one is a history entry and an event. */
public enum ReportAction {

	CREATE("created"), UPDATE("updated"), SUBMIT("submitted"), APPROVE("approved"), RETURN("returned"),
	PUBLISH("published");

	private final String pastTense;

	ReportAction(String pastTense) {
		this.pastTense = pastTense;
	}

	/** The verb as event types spell it: {@code io.healthstats.report.approved}. */
	public String pastTense() {
		return this.pastTense;
	}

}
