package io.healthstats.report.region;

/**
 * Which regions exist. The region tree belongs to the indicator-service; this service only asks.
 */
public interface RegionDirectory {

	/**
	 * @param code a six-digit code inside the caller's subtree
	 * @param caller whose credentials to ask with
	 * @return whether the region exists
	 * @throws RegionDirectoryUnavailableException when the directory cannot answer
	 */
	boolean exists(String code, Caller caller);

}
