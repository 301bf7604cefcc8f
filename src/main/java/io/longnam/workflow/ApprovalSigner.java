package io.longnam.workflow;

import io.longnam.kms.SigningKeyService;
import io.longnam.render.ThaiText;
import io.longnam.signing.PadesSealer;
import io.longnam.signing.SealKey;
import io.longnam.signing.SealRequest;
import io.longnam.signing.SealService;
import io.longnam.signing.SignatureLevel;
import io.longnam.signing.VisibleSeal;
import io.longnam.tenancy.Organization;
import io.longnam.workflow.WorkflowService.Pending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Puts one approval's visible signature on the document at the step's box: CPU and TSA work, run outside any
 * transaction. The signature is the signer's own when they enrolled a personal key; otherwise it is made with the
 * organisation's seal key, and its name and reason name the person and the step.
 */
@ApplicationScoped
public class ApprovalSigner {

    /** The signed PDF and which kind of signature it carries. */
    public record Signed(byte[] pdf, SignatureKind kind) {
    }

    @Inject
    SigningKeyService keys;
    @Inject
    SealService seals;
    @Inject
    PadesSealer sealer;
    @Inject
    SignatureImageService images;

    public Signed sign(Pending p, UUID imageId) {
        SignatureImagePng image = images.resolve(p.userId(), imageId);
        Organization org = Organization.findById(p.organizationId());
        SignatureLevel level = seals.levelFor(org, null);
        SealKey key = keys.sealKey(org.id, null);
        SignatureKind kind = SignatureKind.ORGANIZATION_ON_BEHALF;
        String date = ThaiText.formatDate(LocalDate.now(io.longnam.render.Renderer.THAILAND));
        String text = p.signerName() + (p.position() == null ? "" : "\n" + p.position()) + "\n" + date;
        String reason = "อนุมัติขั้นที่ " + p.step() + " โดย " + p.signerName();
        float top = pageHeight(p.pdf(), p.box().page()) - p.box().y() - p.box().height();
        VisibleSeal mark = new VisibleSeal(p.box().page(), p.box().x(), top, p.box().width(), p.box().height(), text, image.png());
        byte[] signed = SealService.translating(() -> sealer.seal(p.pdf(), key, new SealRequest(level, reason, null, mark)),
                "to sign the approval");
        return new Signed(signed, kind);
    }

    private static float pageHeight(byte[] pdf, int page) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getPage(page - 1).getMediaBox().getHeight();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
