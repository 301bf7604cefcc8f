package io.longnam.document;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Cursor;
import io.longnam.common.Hashes;
import io.longnam.common.LongnamConfig;
import io.longnam.common.NewestFirst;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.document.DocumentDtos.FileContent;
import io.longnam.document.LinkDtos.CreateLink;
import io.longnam.document.LinkDtos.LinkView;
import io.longnam.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Download links for a document's owner (TOR 2.1.3). The token is 256 random bits and only its SHA-256 is
 * stored, so a database leak does not leak working links.
 */
@ApplicationScoped
@Transactional
public class LinkService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DocumentService documents;
    @Inject
    LongnamConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    public LinkView create(Caller caller, UUID documentId, CreateLink request) {
        Document d = documents.visible(caller, documentId);
        if (d.deletedAt != null) {
            throw ProblemException.gone("the document's content was deleted");
        }
        Instant now = clock.now();
        Instant expiresAt = request == null || request.expiresAt() == null ? now.plus(config.links().defaultTtl()) : request.expiresAt();
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "expiresAt must be in the future");
        }
        if (expiresAt.isAfter(now.plus(config.links().maxTtl()))) {
            throw ProblemException.invalid("expiresAt", "links live at most " + config.links().maxTtl().toDays() + " days");
        }
        if (d.expiresAt != null && expiresAt.isAfter(d.expiresAt)) {
            expiresAt = d.expiresAt;
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        DownloadLink l = new DownloadLink();
        l.id = UUID.randomUUID();
        l.documentId = d.id;
        l.organizationId = d.organizationId;
        l.tokenHash = hash(token);
        l.expiresAt = expiresAt;
        l.maxDownloads = request == null ? null : request.maxDownloads();
        l.createdBy = caller.actor();
        l.createdAt = now;
        l.persist();
        events.fire(new DomainEvent(d.organizationId, caller.actor(), "link.created", "document", d.id.toString(),
                Map.of("linkId", l.id.toString(), "expiresAt", expiresAt.toString(),
                        "maxDownloads", String.valueOf(l.maxDownloads))));
        return LinkView.of(l, urlFor(token), token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LinkView> list(Caller caller, UUID documentId, String cursor, int limit) {
        Document d = documents.visible(caller, documentId);
        Map<String, Object> params = new HashMap<>(Map.of("doc", d.id));
        List<DownloadLink> rows = DownloadLink.<DownloadLink>find("documentId = :doc" + NewestFirst.after(cursor, params)
                + NewestFirst.ORDER, params).page(0, limit + 1).list();
        return NewestFirst.page(rows, limit, l -> new Cursor(l.createdAt, l.id), l -> LinkView.of(l, null, null));
    }

    public LinkView revoke(Caller caller, UUID documentId, UUID linkId) {
        Document d = documents.visible(caller, documentId);
        DownloadLink l = DownloadLink.findById(linkId);
        if (l == null || !l.documentId.equals(d.id)) {
            throw ProblemException.notFound("link", linkId);
        }
        if (l.revokedAt == null) {
            l.revokedAt = clock.now();
            events.fire(new DomainEvent(d.organizationId, caller.actor(), "link.revoked", "document", d.id.toString(),
                    Map.of("linkId", l.id.toString())));
        }
        return LinkView.of(l, null, null);
    }

    /**
     * Serves a link without login. Counting happens under a row lock so a max-download limit holds under
     * concurrent clicks. Unknown tokens are 404; known but spent/expired/revoked ones are 410. A client that already
     * holds these bytes ({@code ifNoneMatch} matches) is not counted: a 304 delivers nothing, so it must not use up a
     * link limited to a few downloads.
     */
    public FileContent download(String token, String ifNoneMatch) {
        if (token == null || token.length() < 40 || token.length() > 64) {
            throw ProblemException.notFound("link", "token");
        }
        DownloadLink l = DownloadLink.<DownloadLink>find("tokenHash", hash(token))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (l == null) {
            throw ProblemException.notFound("link", "token");
        }
        Instant now = clock.now();
        if (l.revokedAt != null) {
            throw ProblemException.gone("this link was revoked");
        }
        if (!l.expiresAt.isAfter(now)) {
            throw ProblemException.gone("this link expired at " + l.expiresAt);
        }
        if (l.maxDownloads != null && l.downloadCount >= l.maxDownloads) {
            throw ProblemException.gone("this link reached its download limit");
        }
        Document d = Document.findById(l.documentId);
        FileContent content = documents.content(d, null);
        if (FileResponses.unchanged(content, ifNoneMatch)) {
            return content;
        }
        l.downloadCount++;
        l.lastDownloadAt = now;
        events.fire(new DomainEvent(d.organizationId, "link:" + l.id, "document.downloaded", "document",
                d.id.toString(), Map.of("linkId", l.id.toString(), "count", l.downloadCount)));
        return content;
    }

    /**
     * Whether {@code token} is a usable link (not revoked, expired or used up) to {@code documentId}. Counts no
     * download: the public verification page only shows what the link holder may see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean grantsAccess(String token, UUID documentId) {
        if (token == null || token.length() < 40 || token.length() > 64) {
            return false;
        }
        DownloadLink l = DownloadLink.<DownloadLink>find("tokenHash", hash(token)).firstResult();
        return l != null && l.documentId.equals(documentId) && l.revokedAt == null && l.expiresAt.isAfter(clock.now())
                && (l.maxDownloads == null || l.downloadCount < l.maxDownloads);
    }

    String urlFor(String token) {
        return config.publicUrl("/d/" + token);
    }

    private static byte[] hash(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }
}
