package io.longnam.content;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.ProblemException;
import io.longnam.content.ContentDtos.CreatePage;
import io.longnam.content.ContentDtos.PageDraft;
import io.longnam.content.ContentDtos.PageView;
import io.longnam.content.ContentDtos.PublicPage;
import io.longnam.content.ContentDtos.VersionView;
import io.longnam.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform's content pages. Platform-wide, so their audit events belong to the platform organisation (the
 * caller's, since only platform administrators manage them).
 */
@ApplicationScoped
@Transactional
public class ContentService {

    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    public PageView create(Caller caller, CreatePage request) {
        if (ContentPage.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict("duplicate-slug", "a page with slug " + request.slug() + " exists");
        }
        ContentPage p = new ContentPage();
        p.id = UUID.randomUUID();
        p.slug = request.slug();
        p.createdAt = clock.now();
        p.updatedAt = p.createdAt;
        p.createdBy = caller.actor();
        p.persist();
        ContentPageVersion v = version(caller, p, 1, request.titleTh(), request.titleEn(), request.bodyTh(), request.bodyEn());
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "content-page.created", "content-page",
                p.id.toString(), Map.of("slug", p.slug)));
        return view(p, v);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PageView> list() {
        return ContentPage.<ContentPage>find("order by slug").stream().map(p -> view(p, latest(p))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView get(UUID id) {
        ContentPage p = page(id);
        return view(p, latest(p));
    }

    public PageView saveDraft(Caller caller, UUID id, PageDraft draft) {
        ContentPage p = page(id);
        ContentPageVersion v = version(caller, p, latest(p).seq + 1, draft.titleTh(), draft.titleEn(), draft.bodyTh(),
                draft.bodyEn());
        p.updatedAt = v.createdAt;
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "content-page.draft-saved", "content-page",
                p.id.toString(), Map.of("slug", p.slug, "version", v.seq)));
        return view(p, v);
    }

    public PageView publish(Caller caller, UUID id, Integer version) {
        ContentPage p = page(id);
        ContentPageVersion v = version == null ? latest(p)
                : ContentPageVersion.<ContentPageVersion>find("pageId = ?1 and seq = ?2", p.id, version).firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("version", "the page has no version " + version));
        p.publishedSeq = v.seq;
        p.publishedAt = clock.now();
        p.updatedAt = p.publishedAt;
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "content-page.published", "content-page",
                p.id.toString(), Map.of("slug", p.slug, "version", v.seq)));
        return view(p, latest(p));
    }

    public PageView withdraw(Caller caller, UUID id) {
        ContentPage p = page(id);
        if (p.publishedSeq != null) {
            p.publishedSeq = null;
            p.publishedAt = null;
            p.updatedAt = clock.now();
            events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "content-page.withdrawn", "content-page",
                    p.id.toString(), Map.of("slug", p.slug)));
        }
        return view(p, latest(p));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VersionView> versions(UUID id) {
        ContentPage p = page(id);
        return ContentPageVersion.<ContentPageVersion>find("pageId = ?1 order by seq desc", p.id).stream()
                .map(v -> new VersionView(v.seq, v.titleTh, v.titleEn, v.bodyTh, v.bodyEn, v.createdAt, v.createdBy,
                        p.publishedSeq != null && p.publishedSeq == v.seq)).toList();
    }

    /** The published version only: drafts and unpublished pages answer 404, as if they did not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicPage published(String slug, boolean thai) {
        ContentPage p = slug == null || slug.length() > 100 ? null
                : ContentPage.<ContentPage>find("slug", slug).firstResult();
        if (p == null || p.publishedSeq == null) {
            throw ProblemException.notFound("page", slug == null ? "" : slug.length() > 100 ? slug.substring(0, 100) : slug);
        }
        ContentPageVersion v = ContentPageVersion.<ContentPageVersion>find("pageId = ?1 and seq = ?2", p.id, p.publishedSeq)
                .firstResult();
        return new PublicPage(p.slug, thai ? "th" : "en", thai ? v.titleTh : v.titleEn, thai ? v.bodyTh : v.bodyEn, v.seq,
                p.publishedAt);
    }

    private ContentPageVersion version(Caller caller, ContentPage p, int seq, String titleTh, String titleEn, String bodyTh,
                                       String bodyEn) {
        ContentPageVersion v = new ContentPageVersion();
        v.id = UUID.randomUUID();
        v.pageId = p.id;
        v.seq = seq;
        v.titleTh = titleTh.strip();
        v.titleEn = titleEn.strip();
        v.bodyTh = HtmlSanitizer.clean(bodyTh);
        v.bodyEn = HtmlSanitizer.clean(bodyEn);
        v.createdAt = clock.now();
        v.createdBy = caller.actor();
        v.persist();
        return v;
    }

    private static ContentPage page(UUID id) {
        ContentPage p = ContentPage.findById(id);
        if (p == null) {
            throw ProblemException.notFound("page", id);
        }
        return p;
    }

    private static ContentPageVersion latest(ContentPage p) {
        return ContentPageVersion.<ContentPageVersion>find("pageId = ?1 order by seq desc", p.id).firstResult();
    }

    private static PageView view(ContentPage p, ContentPageVersion v) {
        return new PageView(p.id, p.slug, v.seq, p.publishedSeq, p.publishedAt,
                p.publishedSeq == null || p.publishedSeq != v.seq, v.titleTh, v.titleEn, v.bodyTh, v.bodyEn, p.createdAt,
                p.updatedAt);
    }
}
