package io.longnam.signing;

import io.longnam.document.DocumentDtos.FileContent;
import io.longnam.document.DocumentService;
import io.longnam.document.PdfInspector;
import io.longnam.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

@ApplicationScoped
public class VerificationService {

    @Inject
    SignatureVerifier verifier;
    @Inject
    TrustAnchors anchors;
    @Inject
    DocumentService documents;

    /** A file from anyone: judged against the platform trust anchors. */
    public VerificationReport verifyUpload(byte[] pdf) {
        PdfInspector.inspect(pdf);
        return verifier.verify(pdf, anchors.platform());
    }

    /** The current version of one of the caller's documents. */
    public VerificationReport verifyDocument(Caller caller, UUID documentId) {
        UUID org = documents.visible(caller, documentId).organizationId;
        FileContent file = documents.file(caller, documentId, null);
        return verifier.verify(file.data(), anchors.forOrganization(org));
    }
}
