package io.longnam.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LibreOffice headless as a test tool: it writes docx the way real producers do, and renders the same docx for
 * comparison. One profile under target/ for all calls (creating a profile takes seconds); calls are serialised
 * because two soffice processes on one profile interfere.
 */
final class LibreOffice {

    private static final Path PROFILE = Path.of("target/libreoffice-profile").toAbsolutePath();

    private LibreOffice() {
    }

    /** {@code input} (a file named {@code name}) converted by soffice to {@code format} (docx, pdf). */
    static synchronized byte[] convert(byte[] input, String name, String format) {
        try {
            Path dir = Files.createTempDirectory("soffice");
            Path in = dir.resolve(name);
            Files.write(in, input);
            Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + PROFILE.toUri(), "--headless",
                    "--norestore", "--convert-to", format, "--outdir", dir.toString(), in.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("soffice finished: %s", log).isTrue();
            assertThat(p.exitValue()).as("soffice exit code: %s", log).isZero();
            Path out = dir.resolve(name.substring(0, name.lastIndexOf('.') + 1) + format);
            assertThat(out).as("soffice output: %s", log).exists();
            byte[] bytes = Files.readAllBytes(out);
            Files.delete(out);
            Files.delete(in);
            Files.delete(dir);
            return bytes;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
