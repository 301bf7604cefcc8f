package io.longnam.signing;

import io.longnam.document.DocumentDtos.FileContent;
import io.longnam.document.DocumentService;
import io.longnam.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class VerificationService {

    @Inject
    VerificationPool pool;
    @Inject
    TrustAnchors anchors;
    @Inject
    DocumentService documents;

    /** A file from anyone: judged against the platform trust anchors. */
    public VerificationReport verifyUpload(byte[] pdf, Consumer<Runnable> onClientGone) {
        return pool.verify(pdf, anchors.platform(), onClientGone);
    }

    /** The current version of one of the caller's documents. */
    public VerificationReport verifyDocument(Caller caller, UUID documentId, Consumer<Runnable> onClientGone) {
        UUID org = documents.visible(caller, documentId).organizationId;
        FileContent file = documents.file(caller, documentId, null);
        return pool.verify(file.data(), anchors.forOrganization(org), onClientGone);
    }
}
