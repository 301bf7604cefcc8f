package io.longnam.webhook;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation. */
record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        if (!host.matches("[0-9a-fA-F:.]+")) {
            // Only literals: a name here would make the allow-list depend on DNS.
            throw new IllegalArgumentException("not an IP network: " + text);
        }
        try {
            byte[] address = InetAddress.getByName(host).getAddress();
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text);
            }
            return new Cidr(address, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an IP network: " + text, e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int shift = a.length * 8 - prefix;
        return new BigInteger(1, a).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }
}
