package io.healthstats.report.region;

import io.healthstats.web.RegionScope;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The client making a request, as its token states it.
 * @param clientId the OAuth2 client id ({@code county-341523}); recorded as the actor of every change
 * @param region the GB/T 2260 code of the client's region; bounds everything the client may see or do
 * @param bearerToken the raw token, relayed when this service asks another one on the caller's behalf
 */
public record Caller(String clientId, String region, String bearerToken) {

	public static Caller of(Jwt jwt) {
		String clientId = jwt.getClaimAsString("client_id");
		String region = jwt.getClaimAsString("region");
		if (region == null || !RegionScope.isCode(region)) {
			throw new RegionForbiddenException("The token carries no valid region claim; this client may not use reports.");
		}
		return new Caller(clientId != null ? clientId : jwt.getSubject(), region, jwt.getTokenValue());
	}

	/** Whether {@code code} lies in this caller's subtree (its own region included). */
	public boolean covers(String code) {
		return RegionScope.covers(this.region, code);
	}

	/** Whether this caller's region is an ancestor of {@code code}, not {@code code} itself. */
	public boolean isAbove(String code) {
		return covers(code) && !this.region.equals(code);
	}

}
