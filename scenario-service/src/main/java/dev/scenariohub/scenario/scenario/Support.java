package dev.scenariohub.scenario.scenario;

/**
 * What each award of a scenario offers.
 *
 * @param fundingFen funding in fen (CNY minor units)
 * @param computeGpuHours compute voucher on the public computing centre
 * @param dataAccess data made available to the awardee
 * @param pilotSite where the pilot can run
 */
public record Support(long fundingFen, long computeGpuHours, String dataAccess, String pilotSite) {

	public Support {
		if (fundingFen < 0 || computeGpuHours < 0) {
			throw new IllegalArgumentException("support cannot be negative");
		}
	}
}
