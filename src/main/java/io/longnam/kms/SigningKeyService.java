package io.longnam.kms;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.Patterns;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.identity.Permission;
import io.longnam.identity.User;
import io.longnam.kms.SigningKeyDtos.CertificateView;
import io.longnam.kms.SigningKeyDtos.EnrolKey;
import io.longnam.kms.SigningKeyDtos.EnrolPersonalKey;
import io.longnam.kms.SigningKeyDtos.PersonalKeyView;
import io.longnam.kms.SigningKeyDtos.SigningKeyView;
import io.longnam.render.ThaiText;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Key enrolment: generate in a provider → CSR → issued chain → active (TOR 2.1.1, 6.5, 6.6). */
@ApplicationScoped
@Transactional
public class SigningKeyService {

    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile(Patterns.ALIAS);

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
        if (SigningKey.count("organizationId = ?1 and alias = ?2 and userId is null", org.id, request.alias()) > 0) {
            throw ProblemException.conflict("duplicate-alias", "this organisation already has a key named " + request.alias());
        }
        return view(generate(caller, org.id, null, request.alias(), request.algorithm(), provider, subject));
    }

    /** A new key in {@code provider} with its CSR, waiting for its certificate; {@code userId} null for a seal key. */
    private SigningKey generate(Caller caller, UUID orgId, UUID userId, String alias, KeyAlgorithm algorithm,
                                KeyProvider provider, String subject) {
        SigningKey k = new SigningKey();
        k.id = UUID.randomUUID();
        k.organizationId = orgId;
        k.userId = userId;
        k.alias = alias;
        k.algorithm = algorithm;
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
        events.fire(new DomainEvent(orgId, caller.actor(), "signing-key.created", "signing-key", k.id.toString(),
                Map.of("alias", k.alias, "algorithm", k.algorithm.name(), "provider", k.provider,
                        "personal", userId != null)));
        return k;
    }

    public SigningKeyView attachCertificate(Caller caller, UUID orgId, UUID keyId, String pemChain) {
        SigningKey k = owned(caller, orgId, keyId);
        certify(k, pemChain, caller.actor());
        return view(k);
    }

    private void certify(SigningKey k, String pemChain, String actor) {
        if (k.status == SigningKey.Status.DISABLED) {
            throw ProblemException.conflict("key-disabled", "a disabled key cannot take a certificate");
        }
        List<X509Certificate> chain = checkedChain(pemChain, Kms.call(() -> stored(k).publicKey(k.providerKeyRef)));
        activate(k, chain, actor, "signing-key.certificate-attached");
    }

    /** Imports a PKCS#12 (key + chain) into the software provider, which wraps it under the master key. */
    public SigningKeyView importPkcs12(Caller caller, UUID orgId, String alias, byte[] p12, char[] password) {
        Organization org = adminOf(caller, orgId);
        if (alias == null || alias.isBlank() || alias.length() > 100) {
            throw ProblemException.invalid("alias", "alias is required (at most 100 characters)");
        }
        // The same rule as enrolment (EnrolKey), which bean validation applies there; a multipart form has no DTO.
        if (!ALIAS.matcher(alias).matches()) {
            throw ProblemException.invalid("alias", Patterns.ALIAS_MESSAGE);
        }
        if (SigningKey.count("organizationId = ?1 and alias = ?2 and userId is null", org.id, alias) > 0) {
            throw ProblemException.conflict("duplicate-alias", "this organisation already has a key named " + alias);
        }
        if (!providers.names().contains(SoftwareKeyProvider.NAME)
                || !(providers.get(SoftwareKeyProvider.NAME) instanceof SoftwareKeyProvider software)) {
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
        List<SigningKey> rows = SigningKey.<SigningKey>find("organizationId = :org and userId is null" + NewestFirst.after(cursor, params)
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
        disable(k, caller.actor());
        return view(k);
    }

    private void disable(SigningKey k, String actor) {
        if (k.status != SigningKey.Status.DISABLED) {
            Kms.run(() -> stored(k).disable(k.providerKeyRef));
            k.status = SigningKey.Status.DISABLED;
            k.isDefault = false;
            k.updatedAt = clock.now();
            events.fire(new DomainEvent(k.organizationId, actor, "signing-key.disabled", "signing-key",
                    k.id.toString(), Map.of("alias", k.alias, "personal", k.userId != null)));
        }
    }

    /**
     * The key a seal uses: the given one, else the organisation's default; it must be active. Personal keys are never
     * the organisation's: naming one answers 404 like any key of another tenant.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SealKey sealKey(UUID orgId, UUID keyId) {
        SigningKey k = keyId != null
                ? SigningKey.<SigningKey>find("id = ?1 and organizationId = ?2 and userId is null", keyId, orgId).firstResult()
                : SigningKey.<SigningKey>find("organizationId = ?1 and isDefault = true and userId is null", orgId).firstResult();
        if (k == null) {
            if (keyId != null) {
                throw ProblemException.notFound("signing-key", keyId);
            }
            throw ProblemException.conflict("no-default-key", "the organisation has no default seal key; enrol one and attach its certificate");
        }
        if (k.status != SigningKey.Status.ACTIVE) {
            throw ProblemException.conflict("key-not-active", "signing key " + k.id + " is " + k.status);
        }
        return new SealKey(Kms.call("to use the key", () -> stored(k)), k.providerKeyRef, k.algorithm, chainOf(k));
    }

    /*
     * Personal keys (TOR 2.5, issue #16): a person's own key for approval signatures, enrolled with the same CSR flow
     * and checks as seal keys. Only its owner sees or changes it; the organisation's lists, defaults and trust never
     * include it. Of a person's active, unexpired keys the one certified last signs, so renewing a key is just
     * certifying a new one, and no flag has to be kept consistent under concurrent requests.
     */

    public PersonalKeyView enrolPersonal(Caller caller, UUID userId, EnrolPersonalKey request) {
        User user = User.findById(userId);
        Organization org = Organization.findById(caller.organizationId());
        String subject = request.subject() == null ? personalSubject(user, org) : checkedSubject(request.subject());
        KeyProvider provider = provider(request.provider());
        if (SigningKey.count("userId = ?1 and alias = ?2", userId, request.alias()) > 0) {
            throw ProblemException.conflict("duplicate-alias", "you already have a key named " + request.alias());
        }
        return personalView(generate(caller, org.id, userId, request.alias(), request.algorithm(), provider, subject));
    }

    public PersonalKeyView attachPersonalCertificate(Caller caller, UUID userId, UUID keyId, String pemChain) {
        SigningKey k = personal(userId, keyId);
        certify(k, pemChain, caller.actor());
        return personalView(k);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PersonalKeyView> listPersonal(UUID userId) {
        return new Page<>(SigningKey.<SigningKey>list("userId = ?1 order by createdAt desc", userId).stream()
                .map(this::personalView).toList(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonalKeyView getPersonal(UUID userId, UUID keyId) {
        return personalView(personal(userId, keyId));
    }

    public PersonalKeyView disablePersonal(Caller caller, UUID userId, UUID keyId) {
        SigningKey k = personal(userId, keyId);
        disable(k, caller.actor());
        return personalView(k);
    }

    /** The key the person's approval signatures are made with: the active one certified last; empty when none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SealKey> personalKey(UUID userId) {
        return inUse(userId).map(k -> new SealKey(providers.get(k.provider), k.providerKeyRef, k.algorithm, chainOf(k)));
    }

    private Optional<SigningKey> inUse(UUID userId) {
        // A key whose provider has since been switched off cannot sign; the next one in line can.
        return SigningKey.<SigningKey>list("userId = ?1 and status = ?2 and certificateNotAfter > ?3"
                        + " order by certifiedAt desc, id", userId, SigningKey.Status.ACTIVE, clock.now()).stream()
                .filter(k -> providers.names().contains(k.provider)).findFirst();
    }

    private static SigningKey personal(UUID userId, UUID keyId) {
        SigningKey k = SigningKey.findById(keyId);
        if (k == null || !userId.equals(k.userId)) {
            throw ProblemException.notFound("signing-key", keyId);
        }
        return k;
    }

    /**
     * The person as a natural-person certificate names them (ETSI EN 319 412-2): the display name as CN, the
     * national id as serialNumber in the ETSI form {@code PNOTH-<13 digits>} (a national personal number), and the
     * organisation the key is enrolled in. BouncyCastle encodes CN and O as UTF8String, so Thai names are kept.
     */
    static String personalSubject(User user, Organization org) {
        if (user.name == null || user.name.isBlank()) {
            throw ProblemException.invalid("subject", "your profile has no name to put in the certificate; give the subject");
        }
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, user.name.strip());
        if (user.nationalId != null && ThaiText.isValidNationalId(user.nationalId)) {
            name.addRDN(BCStyle.SERIALNUMBER, "PNOTH-" + ThaiText.arabicDigits(user.nationalId).replaceAll("[^0-9]", ""));
        }
        return name.addRDN(BCStyle.O, org.name).addRDN(BCStyle.C, "TH").build().toString();
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
        // Only chains an administrator attached: a person's upload must not widen what the organisation trusts.
        for (SigningKey k : SigningKey.<SigningKey>list("organizationId in ?1 and certificateChainPem is not null"
                + " and userId is null", orgIds)) {
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
        k.certifiedAt = k.updatedAt;
        if (k.userId == null && SigningKey.count("organizationId = ?1 and isDefault = true and userId is null",
                k.organizationId) == 0) {
            k.isDefault = true;
        }
        events.fire(new DomainEvent(k.organizationId, actor, action, "signing-key", k.id.toString(),
                Map.of("alias", k.alias, "certificateSubject", chain.getFirst().getSubjectX500Principal().getName(),
                        "notAfter", k.certificateNotAfter.toString(), "default", k.isDefault,
                        "personal", k.userId != null)));
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

    /** The provider a request names: one not enabled here is bad input. */
    private KeyProvider provider(String name) {
        if (!providers.names().contains(name)) {
            throw ProblemException.invalid("provider", "provider must be one of " + providers.names());
        }
        return providers.get(name);
    }

    /**
     * The provider holding a stored key. One switched off since the key was made is the key provider refusing, not the
     * caller's mistake: {@link KmsException}, which {@link Kms#call} answers as {@code kms-error} 502.
     */
    private KeyProvider stored(SigningKey k) {
        return providers.get(k.provider);
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
        if (k == null || !k.organizationId.equals(org.id) || k.userId != null) {
            throw ProblemException.notFound("signing-key", keyId);
        }
        return k;
    }

    private static String checkedSubject(String subject) {
        try {
            // serialNumber by name: RFC 2253 alone knows no keyword for it and would write an unreadable hex value.
            String dn = new X500Principal(subject).getName(X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER"));
            if (dn.isEmpty()) {
                throw new IllegalArgumentException("empty distinguished name");
            }
            return dn;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("subject", "subject must be a distinguished name such as CN=...,O=...,C=TH");
        }
    }

    private SigningKeyView view(SigningKey k) {
        return new SigningKeyView(k.id, k.organizationId, k.alias, k.algorithm, k.provider, k.subject, k.status,
                k.isDefault, pendingCsr(k), chainView(k), fingerprint(k), k.createdAt, k.updatedAt);
    }

    private PersonalKeyView personalView(SigningKey k) {
        boolean inUse = k.status == SigningKey.Status.ACTIVE && inUse(k.userId).map(u -> u.id.equals(k.id)).orElse(false);
        return new PersonalKeyView(k.id, k.organizationId, k.alias, k.algorithm, k.provider, k.subject, k.status, inUse,
                pendingCsr(k), chainView(k), fingerprint(k), k.createdAt, k.updatedAt);
    }

    private static String pendingCsr(SigningKey k) {
        return k.status == SigningKey.Status.PENDING_CERTIFICATE ? k.csrPem : null;
    }

    private List<CertificateView> chainView(SigningKey k) {
        return k.certificateChainPem == null ? List.of()
                : chainOf(k).stream().map(c -> new CertificateView(
                c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant())).toList();
    }

    private String fingerprint(SigningKey k) {
        // A key whose provider is switched off is still listed (its admins must see it to replace it), without this.
        return k.status == SigningKey.Status.DISABLED || !providers.names().contains(k.provider) ? null
                : Kms.call(() -> SoftwareKeyProvider.fingerprint(stored(k).publicKey(k.providerKeyRef)));
    }
}
