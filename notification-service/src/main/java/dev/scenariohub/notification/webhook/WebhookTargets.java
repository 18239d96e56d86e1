package dev.scenariohub.notification.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Where webhooks may be called: hosts whose every address is public
 * ({@link PublicAddresses}), or loopback where configuration allows it
 * ({@code notifications.webhooks.allow-loopback}, for tests and the local stack). Checked
 * when a webhook is registered and again each time a delivery connects: the connection
 * resolves the host once, through {@link #resolver()}, and goes to an address that was
 * checked — a name that later resolves somewhere else (DNS rebinding) is refused before
 * anything is sent.
 */
@Component
public class WebhookTargets {

	/** A host that resolves to an address webhooks may not reach. */
	public static final class ForbiddenTarget extends Exception {

		private final String address;

		ForbiddenTarget(String host, String address) {
			super(host + " resolves to " + address + ", which is not a public address");
			this.address = address;
		}

		public String address() {
			return this.address;
		}

	}

	private final HostLookup lookup;

	private final boolean allowLoopback;

	public WebhookTargets(ObjectProvider<HostLookup> lookup,
			@Value("${notifications.webhooks.allow-loopback:false}") boolean allowLoopback) {
		this.lookup = lookup.getIfAvailable(HostLookup::system);
		this.allowLoopback = allowLoopback;
	}

	/**
	 * Every address of the host, if every one may be called (blocking: call off the event
	 * loop).
	 */
	public InetAddress[] vetted(String host) throws UnknownHostException, ForbiddenTarget {
		InetAddress[] addresses = this.lookup.addressesOf(host);
		for (InetAddress address : addresses) {
			if (!(PublicAddresses.isPublic(address) || (this.allowLoopback && address.isLoopbackAddress()))) {
				throw new ForbiddenTarget(host, address.getHostAddress());
			}
		}
		return addresses;
	}

	/** Name resolution for webhook connections: vetted, off the event loop. */
	public AddressResolverGroup<InetSocketAddress> resolver() {
		return new AddressResolverGroup<>() {
			@Override
			protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
				return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
					@Override
					protected void doResolve(String host, Promise<InetAddress> promise) {
						resolveVetted(host, promise, addresses -> addresses[0]);
					}

					@Override
					protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
						resolveVetted(host, promise, List::of);
					}
				});
			}
		};
	}

	private <T> void resolveVetted(String host, Promise<T> promise, Function<InetAddress[], T> result) {
		Schedulers.boundedElastic().schedule(() -> {
			try {
				promise.trySuccess(result.apply(vetted(host)));
			}
			catch (UnknownHostException | ForbiddenTarget | RuntimeException ex) {
				promise.tryFailure(ex);
			}
		});
	}

}
