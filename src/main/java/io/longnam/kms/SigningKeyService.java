package io.longnam.kms;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.identity.Permission;
import io.longnam.kms.SigningKeyDtos.CertificateView;
import io.longnam.kms.SigningKeyDtos.EnrolKey;
import io.longnam.kms.SigningKeyDtos.SigningKeyView;
import io.longnam.signing.SealKey;
import io.longnam.tenancy.Organization;
import io.longnam.tenancy.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;

/** Key enrolment: generate in a provider → CSR → issued chain → active (TOR 2.1.1, 6.5, 6.6). */
@ApplicationScoped
@Transactional
public class SigningKeyService {

    @Inject
    KeyProviders providers;
    @Inject
    OrganizationService organizations;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    public SigningKeyView enrol(Caller caller, UUID orgId, EnrolKey request) {
        Organization org = adminOf(caller, orgId);
        String subject = checkedSubject(request.subject());
        KeyProvider provider = provider(request.provider());
        if (SigningKey.count("organizationId = ?1 and alias = ?2", org.id, request.alias()) > 0) {
            throw ProblemException.conflict("duplicate-alias", "this organisation already has a key named " + request.alias());
        }
        SigningKey k = new SigningKey();
        k.id = UUID.randomUUID();
        k.organizationId = org.id;
        k.alias = request.alias();
        k.algorithm = request.algorithm();
        k.provider = provider.name();
        // The key id, not the alias, names the key inside the provider: aliases only have to be unique per tenant.
        k.providerKeyRef = Kms.call(() -> provider.generate(k.id.toString(), k.algorithm)).keyRef();
        k.subject = subject;
        k.csrPem = Kms.call(() -> Csr.pkcs10Pem(provider, k.providerKeyRef, k.algorithm, subject));
        k.status = SigningKey.Status.PENDING_CERTIFICATE;
        k.createdBy = caller.actor();
        k.createdAt = clock.now();
        k.updatedAt = k.createdAt;
        k.persist();
        events.fire(new DomainEvent(org.id, caller.actor(), "signing-key.created", "signing-key", k.id.toString(),
                Map.of("alias", k.alias, "algorithm", k.algorithm.name(), "provider", k.provider)));
        return view(k);
    }

    public SigningKeyView attachCertificate(Caller caller, UUID orgId, UUID keyId, String pemChain) {
        SigningKey k = owned(caller, orgId, keyId);
        if (k.status == SigningKey.Status.DISABLED) {
            throw ProblemException.conflict("key-disabled", "a disabled key cannot take a certificate");
        }
        List<X509Certificate> chain = checkedChain(pemChain, provider(k.provider).publicKey(k.providerKeyRef));
        activate(k, chain, caller.actor(), "signing-key.certificate-attached");
        return view(k);
    }

    /** Imports a PKCS#12 (key + chain) into the software provider, which wraps it under the master key. */
    public SigningKeyView importPkcs12(Caller caller, UUID orgId, String alias, byte[] p12, char[] password) {
        Organization org = adminOf(caller, orgId);
        if (alias == null || alias.isBlank() || alias.length() > 100) {
            throw ProblemException.invalid("alias", "alias is required (at most 100 characters)");
        }
        if (SigningKey.count("organizationId = ?1 and alias = ?2", org.id, alias) > 0) {
            throw ProblemException.conflict("duplicate-alias", "this organisation already has a key named " + alias);
        }
        if (!(provider(SoftwareKeyProvider.NAME) instanceof SoftwareKeyProvider software)) {
            throw ProblemException.conflict("provider-disabled", "the software key provider is not enabled");
        }
        UUID id = UUID.randomUUID();
        ImportedKey imported;
        try {
            imported = software.importPkcs12(p12, password, id.toString());
        } catch (KmsException e) {
            throw ProblemException.unprocessable("invalid-pkcs12", "the PKCS#12 file cannot be opened with this password or holds no key");
        }
        SigningKey k = new SigningKey();
        k.id = id;
        k.organizationId = org.id;
        k.alias = alias;
        k.algorithm = imported.algorithm();
        k.provider = SoftwareKeyProvider.NAME;
        k.providerKeyRef = imported.keyRef();
        k.subject = imported.chain().getFirst().getSubjectX500Principal().getName();
        k.createdBy = caller.actor();
        k.createdAt = clock.now();
        List<X509Certificate> chain = checkedChain(imported.chain(), software.publicKey(k.providerKeyRef));
        activate(k, chain, caller.actor(), "signing-key.imported");
        k.persist();
        return view(k);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SigningKeyView> list(Caller caller, UUID orgId, String cursor, int limit) {
        Organization org = organizations.visible(caller, orgId);
        Map<String, Object> params = new HashMap<>(Map.of("org", org.id));
        List<SigningKey> rows = SigningKey.<SigningKey>find("organizationId = :org" + NewestFirst.after(cursor, params)
                + NewestFirst.ORDER, params).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, k -> new Cursor(k.createdAt, k.id), this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SigningKeyView get(Caller caller, UUID orgId, UUID keyId) {
        return view(ownedVisible(caller, orgId, keyId));
    }

    public SigningKeyView makeDefault(Caller caller, UUID orgId, UUID keyId) {
        SigningKey k = owned(caller, orgId, keyId);
        if (k.status != SigningKey.Status.ACTIVE) {
            throw ProblemException.conflict("key-not-active", "only an active key (with its certificate) can be the default");
        }
        SigningKey.update("isDefault = false where organizationId = ?1 and isDefault = true and id <> ?2", k.organizationId, k.id);
        SigningKey.flush();
        k.isDefault = true;
        k.updatedAt = clock.now();
        events.fire(new DomainEvent(k.organizationId, caller.actor(), "signing-key.made-default", "signing-key",
                k.id.toString(), Map.of("alias", k.alias)));
        return view(k);
    }

    public SigningKeyView disable(Caller caller, UUID orgId, UUID keyId) {
        SigningKey k = owned(caller, orgId, keyId);
        if (k.status != SigningKey.Status.DISABLED) {
            Kms.run(() -> provider(k.provider).disable(k.providerKeyRef));
            k.status = SigningKey.Status.DISABLED;
            k.isDefault = false;
            k.updatedAt = clock.now();
            events.fire(new DomainEvent(k.organizationId, caller.actor(), "signing-key.disabled", "signing-key",
                    k.id.toString(), Map.of("alias", k.alias)));
        }
        return view(k);
    }

    /** The key a seal uses: the given one, else the organisation's default; it must be active. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SealKey sealKey(UUID orgId, UUID keyId) {
        SigningKey k = keyId != null
                ? SigningKey.<SigningKey>find("id = ?1 and organizationId = ?2", keyId, orgId).firstResult()
                : SigningKey.<SigningKey>find("organizationId = ?1 and isDefault = true", orgId).firstResult();
        if (k == null) {
            if (keyId != null) {
                throw ProblemException.notFound("signing-key", keyId);
            }
            throw ProblemException.conflict("no-default-key", "the organisation has no default seal key; enrol one and attach its certificate");
        }
        if (k.status != SigningKey.Status.ACTIVE) {
            throw ProblemException.conflict("key-not-active", "signing key " + k.id + " is " + k.status);
        }
        return new SealKey(provider(k.provider), k.providerKeyRef, k.algorithm, chainOf(k));
    }

    private record ParsedChain(Instant updatedAt, String pem, List<X509Certificate> chain) {
    }

    /**
     * Parsed chains of active keys, so a seal does not re-parse the PEM. Keyed by key id and checked against the
     * row's updatedAt and PEM, which every change of the chain also changes; the key row itself (status) is still
     * read on every seal.
     */
    private final Map<UUID, ParsedChain> chains = new ConcurrentHashMap<>();

    private List<X509Certificate> chainOf(SigningKey k) {
        ParsedChain cached = chains.get(k.id);
        if (cached != null && cached.updatedAt().equals(k.updatedAt) && cached.pem().equals(k.certificateChainPem)) {
            return cached.chain();
        }
        List<X509Certificate> chain = List.copyOf(CertificateChains.parse(k.certificateChainPem));
        if (chains.size() >= 1024) {
            chains.clear();
        }
        chains.put(k.id, new ParsedChain(k.updatedAt, k.certificateChainPem, chain));
        return chain;
    }

    /** CA certificates the given organisations enrolled with their keys: trusted when verifying their documents. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<X509Certificate> enrolledCaCertificates(List<UUID> orgIds) {
        List<X509Certificate> cas = new ArrayList<>();
        for (SigningKey k : SigningKey.<SigningKey>list("organizationId in ?1 and certificateChainPem is not null", orgIds)) {
            List<X509Certificate> chain = chainOf(k);
            cas.addAll(chain.subList(1, chain.size()));
        }
        return cas;
    }

    private void activate(SigningKey k, List<X509Certificate> chain, String actor, String action) {
        k.certificateChainPem = Pem.encode(chain);
        k.certificateNotAfter = chain.getFirst().getNotAfter().toInstant();
        k.status = SigningKey.Status.ACTIVE;
        k.updatedAt = clock.now();
        if (SigningKey.count("organizationId = ?1 and isDefault = true", k.organizationId) == 0) {
            k.isDefault = true;
        }
        events.fire(new DomainEvent(k.organizationId, actor, action, "signing-key", k.id.toString(),
                Map.of("alias", k.alias, "certificateSubject", chain.getFirst().getSubjectX500Principal().getName(),
                        "notAfter", k.certificateNotAfter.toString(), "default", k.isDefault)));
    }

    private List<X509Certificate> checkedChain(String pem, java.security.PublicKey key) {
        try {
            return checkedChain(CertificateChains.parse(pem), key);
        } catch (CertificateChainException | IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-certificate-chain", e.getMessage());
        }
    }

    private List<X509Certificate> checkedChain(List<X509Certificate> certificates, java.security.PublicKey key) {
        try {
            return CertificateChains.forKey(certificates, key, clock.now());
        } catch (CertificateChainException | IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-certificate-chain", e.getMessage());
        }
    }

    private KeyProvider provider(String name) {
        if (!providers.names().contains(name)) {
            throw ProblemException.invalid("provider", "provider must be one of " + providers.names());
        }
        return providers.get(name);
    }

    private Organization adminOf(Caller caller, UUID orgId) {
        Organization org = organizations.visible(caller, orgId);
        if (!caller.has(Permission.KEY_MANAGE)) {
            throw ProblemException.forbidden("only organisation administrators manage signing keys");
        }
        return org;
    }

    private SigningKey owned(Caller caller, UUID orgId, UUID keyId) {
        return keyOf(adminOf(caller, orgId), keyId);
    }

    private SigningKey ownedVisible(Caller caller, UUID orgId, UUID keyId) {
        return keyOf(organizations.visible(caller, orgId), keyId);
    }

    private static SigningKey keyOf(Organization org, UUID keyId) {
        SigningKey k = SigningKey.findById(keyId);
        if (k == null || !k.organizationId.equals(org.id)) {
            throw ProblemException.notFound("signing-key", keyId);
        }
        return k;
    }

    private static String checkedSubject(String subject) {
        try {
            return new X500Principal(subject).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("subject", "subject must be a distinguished name such as CN=...,O=...,C=TH");
        }
    }

    private SigningKeyView view(SigningKey k) {
        List<CertificateView> chain = k.certificateChainPem == null ? List.of()
                : chainOf(k).stream().map(c -> new CertificateView(
                c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant())).toList();
        String fingerprint = k.status == SigningKey.Status.DISABLED ? null
                : Kms.call(() -> SoftwareKeyProvider.fingerprint(provider(k.provider).publicKey(k.providerKeyRef)));
        return new SigningKeyView(k.id, k.organizationId, k.alias, k.algorithm, k.provider, k.subject, k.status,
                k.isDefault, k.status == SigningKey.Status.PENDING_CERTIFICATE ? k.csrPem : null, chain, fingerprint,
                k.createdAt, k.updatedAt);
    }
}
