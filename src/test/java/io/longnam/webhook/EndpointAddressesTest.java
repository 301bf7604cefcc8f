package io.longnam.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointAddressesTest {

    final EndpointAddresses strict = new EndpointAddresses(List.of());

    @Test
    void aNameResolvingToLoopbackIsRefused() {
        assertThatThrownBy(() -> strict.resolve(URI.create("http://localhost:8080/hook")))
                .isInstanceOf(EndpointAddresses.Refused.class).hasMessageContaining("loopback");
    }

    @Test
    void privateLinkLocalMappedAndReservedAddressesAreRefusedPublicOnesNot() throws Exception {
        for (String a : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "64:ff9b::a00:1", "224.0.0.1")) {
            assertThat(strict.permitted(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : List.of("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1")) {
            assertThat(strict.permitted(InetAddress.getByName(a))).as(a).isTrue();
        }
    }

    @Test
    void anAllowListedNetworkIsReachableAndNothingBesideIt() throws Exception {
        EndpointAddresses allowing = new EndpointAddresses(List.of("10.8.0.0/16"));
        assertThat(allowing.permitted(InetAddress.getByName("10.8.3.4"))).isTrue();
        assertThat(allowing.permitted(InetAddress.getByName("10.9.0.1"))).isFalse();
        assertThat(allowing.permitted(InetAddress.getByName("127.0.0.1"))).isFalse();
    }
}
