package dev.scenariohub.identity;

import io.github.bucket4j.Bandwidth;

/**
 * Where the sign-in and token budgets are kept: in this replica's memory
 * ({@code identity.throttle.store=memory}, the default) or in Redis, shared by every
 * replica ({@code identity.throttle.store=redis}).
 */
interface AttemptBudgets {

	/**
	 * Takes one attempt from a caller's budget.
	 * @param key whose budget: the endpoint, the caller and its address
	 * @param limit how many attempts per period
	 * @return whether the attempt may go on
	 */
	boolean tryTake(String key, Bandwidth limit);

}
