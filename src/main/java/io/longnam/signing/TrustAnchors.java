package io.longnam.signing;

import io.longnam.common.LongnamConfig;
import io.longnam.kms.CertificateChains;
import io.longnam.kms.SigningKeyService;
import io.longnam.tenancy.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which CAs a verification trusts. Anyone's upload is judged against the platform anchors only; an
 * organisation's own documents also against the CAs that organisation (or an ancestor) enrolled. Tenant CAs are
 * never trusted for strangers' files: an organisation admin could otherwise make any certificate look trusted.
 */
@ApplicationScoped
public class TrustAnchors {

    private final List<X509Certificate> platform;

    @Inject
    SigningKeyService keys;

    @Inject
    public TrustAnchors(LongnamConfig config) {
        this.platform = config.trustAnchors().filter(p -> !p.isBlank()).map(TrustAnchors::load).orElse(List.of());
    }

    public List<X509Certificate> platform() {
        return platform;
    }

    public List<X509Certificate> forOrganization(UUID orgId) {
        List<X509Certificate> anchors = new ArrayList<>(platform);
        Organization org = Organization.findById(orgId);
        List<UUID> selfAndAncestors = java.util.Arrays.stream(org.path.split("/")).filter(id -> !id.isEmpty())
                .map(UUID::fromString).toList();
        anchors.addAll(keys.enrolledCaCertificates(selfAndAncestors));
        return anchors;
    }

    private static List<X509Certificate> load(String path) {
        try {
            return CertificateChains.parse(Files.readString(Path.of(path), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trust anchors from " + path, e);
        }
    }
}
