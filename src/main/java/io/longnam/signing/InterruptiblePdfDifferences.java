package io.longnam.signing;

import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * DSS's page-by-page modification check, stoppable: DSS never looks at the thread's interrupt flag, so every call
 * it makes on a page reader does. A cancelled verification then ends at its next page instead of running on.
 * The flag is left set, so each later page loop of the same validation stops at its first page too; the verdict
 * of a cancelled validation is discarded anyway.
 */
final class InterruptiblePdfDifferences extends DefaultPdfDifferencesFinder {

    @Override
    public List<PdfModification> getAnnotationOverlaps(PdfDocumentReader reader) {
        return super.getAnnotationOverlaps(interruptible(reader));
    }

    @Override
    public List<PdfModification> getPagesDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
        return super.getPagesDifferences(interruptible(signed), interruptible(last));
    }

    @Override
    public List<PdfModification> getVisualDifferences(PdfDocumentReader signed, PdfDocumentReader last) {
        return super.getVisualDifferences(interruptible(signed), interruptible(last));
    }

    private static PdfDocumentReader interruptible(PdfDocumentReader reader) {
        return (PdfDocumentReader) Proxy.newProxyInstance(PdfDocumentReader.class.getClassLoader(),
                new Class<?>[]{PdfDocumentReader.class}, (proxy, method, args) -> {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("verification cancelled");
                    }
                    try {
                        return method.invoke(reader, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
