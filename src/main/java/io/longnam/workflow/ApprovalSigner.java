package io.longnam.workflow;

import io.longnam.kms.SigningKeyService;
import io.longnam.render.Renderer;
import io.longnam.signing.ApprovalMark;
import io.longnam.signing.PadesSealer;
import io.longnam.signing.SealKey;
import io.longnam.signing.SealService;
import io.longnam.signing.SignatureLevel;
import io.longnam.signing.SigningGate;
import io.longnam.tenancy.Organization;
import io.longnam.workflow.WorkflowService.Pending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts one approval's visible signature on the document at the step's box: CPU and TSA work, run outside any
 * transaction. The signature is the signer's own when they enrolled a personal key (its certificate names them);
 * otherwise it is made with the organisation's seal key on their behalf, and its /Name and /Reason name the person
 * and the step. Either way the image, name, position and Thai date are drawn in the box, at the organisation's level.
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
    SigningGate gate;
    @Inject
    SignatureImageService images;

    public Signed sign(Pending p, UUID imageId) {
        SignatureImagePng image = images.resolve(p.userId(), imageId);
        Organization org = Organization.findById(p.organizationId());
        SignatureLevel level = seals.levelFor(org, null);
        Optional<SealKey> personal = keys.personalKey(p.userId());
        SealKey key = personal.orElseGet(() -> keys.sealKey(org.id, null));
        SignatureKind kind = personal.isPresent() ? SignatureKind.PERSONAL : SignatureKind.ORGANIZATION_ON_BEHALF;
        String reason = "อนุมัติ ขั้นที่ " + p.step() + (p.position() == null ? "" : " — " + p.position())
                + (personal.isPresent() ? "" : " (ลงนามด้วยตราของหน่วยงานแทน " + p.signerName() + ")");
        ApprovalMark mark = new ApprovalMark(p.box().page(), p.box().x(), p.box().y(), p.box().width(), p.box().height(),
                image.png(), p.signerName(), p.position(), LocalDate.now(Renderer.THAILAND), reason, org.name);
        byte[] signed = gate.through(() -> SealService.translating(() -> sealer.signApproval(p.pdf(), key, level, mark),
                "to sign the approval"));
        return new Signed(signed, kind);
    }
}
