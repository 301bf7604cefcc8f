package io.longnam.webhook;

import io.longnam.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks from reaching the service's own network (SSRF). A URL is checked when registered and again before
 * every attempt, after resolving its name, and the attempt connects to exactly the address that was checked — so a
 * name that resolves to a public address at registration and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
@ApplicationScoped
public class EndpointAddresses {

    /** Networks no webhook may reach unless allow-listed: loopback, private, link-local, CGNAT and reserved ranges. */
    static final List<Cidr> NON_PUBLIC = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7",
            "fe80::/10", "ff00::/8", "2001:db8::/32").stream().map(Cidr::parse).toList();

    private final List<Cidr> allowed;

    @Inject
    public EndpointAddresses(WebhooksConfig config) {
        this(config.allowedNetworks().orElse(List.of()));
    }

    EndpointAddresses(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** A URL fit to register: absolute http(s), a host, no credentials, no fragment. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "url is not a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ProblemException.invalid("url", "url must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalid("url", "url must name a host and carry no user info or fragment");
        }
        return uri;
    }

    /** Resolves the URL's host; every address must be public or allow-listed. Answers the one to connect to. */
    public InetAddress resolve(URI uri) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("the host name does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!permitted(a)) {
                throw new Refused("the host resolves to a private, loopback or link-local address");
            }
        }
        return Arrays.stream(addresses).filter(Inet4Address.class::isInstance).findFirst().orElse(addresses[0]);
    }

    boolean permitted(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        if (allowed.stream().anyMatch(c -> c.contains(effective))) {
            return true;
        }
        return !effective.isAnyLocalAddress() && !effective.isLoopbackAddress() && !effective.isLinkLocalAddress()
                && !effective.isSiteLocalAddress() && !effective.isMulticastAddress()
                && NON_PUBLIC.stream().noneMatch(c -> c.contains(effective));
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the IPv4 address they carry. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean mapped = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1});
        boolean nat64 = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[]{0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0});
        if (!mapped && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Why an endpoint may not be reached; the message is safe to show and to log. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
