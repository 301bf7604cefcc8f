package io.longnam.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The bytes of a required multipart {@code file} part, refused with 400 when missing and 413 when too large. */
public final class Uploads {

    private Uploads() {
    }

    /** {@code what} completes "a multipart part named 'file' … is required", e.g. {@code "(the docx)"}; may be empty. */
    public static byte[] required(FileUpload file, String what, long maxBytes) {
        if (file == null) {
            throw ProblemException.invalid("file", "a multipart part named 'file'" + (what.isEmpty() ? "" : " " + what)
                    + " is required");
        }
        if (file.size() > maxBytes) {
            throw ProblemException.tooLarge(maxBytes);
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
