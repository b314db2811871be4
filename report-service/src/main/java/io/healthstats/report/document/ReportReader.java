package io.healthstats.report.document;

import java.util.List;

import io.healthstats.report.region.Caller;
import io.healthstats.report.region.RegionForbiddenException;
import io.healthstats.web.RegionScope;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Reads reports within the caller's region subtree; everything else does not exist for the caller. */
@Component
public class ReportReader {

	private final ReportStore store;

	ReportReader(ReportStore store) {
		this.store = store;
	}

	public ReportDocument get(Caller caller, String id) {
		return this.store.find(id)
			.filter((report) -> caller.covers(report.region()))
			.orElseThrow(() -> new ReportNotFoundException("There is no report " + id + "."));
	}

	public ReportVersionDocument version(Caller caller, String id, int version) {
		ReportDocument report = get(caller, id);
		return this.store.findVersion(report.id(), version)
			.orElseThrow(() -> new ReportNotFoundException(
					"Report " + id + " has no version " + version + "; its versions are 1 to " + report.version() + "."));
	}

	public List<ReportVersionDocument> versions(Caller caller, String id) {
		ReportDocument report = get(caller, id);
		return this.store.versions(report.id(), report.version());
	}

	/**
	 * Reports of {@code region}'s subtree (the caller's own region when {@code null}), which must
	 * lie in the caller's.
	 */
	public Page<ReportDocument> list(Caller caller, String region, String period, ReportStatus status, ReportKind kind,
			PageRequest page) {
		String scope = (region != null) ? region : caller.region();
		if (!caller.covers(scope)) {
			throw new RegionForbiddenException("Client " + caller.clientId() + " of region " + caller.region()
					+ " may not list reports of region " + scope + ", which lies outside its region.");
		}
		return this.store.list(new ReportFilter(RegionScope.prefix(scope), period, status, kind), page);
	}

}
