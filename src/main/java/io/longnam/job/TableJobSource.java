package io.longnam.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longnam.common.Hashes;
import io.longnam.common.ProblemException;
import io.longnam.document.InputFormat;
import io.longnam.job.JobDtos.JobOptions;
import io.longnam.render.FieldError;
import io.longnam.render.Renderer;
import io.longnam.render.RowResult;
import io.longnam.render.TableInput;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The multipart form: a CSV or xlsx file whose header row names the template's fields. A row the table reader
 * refuses (formula injection, cells outside the header) becomes a FAILED item; the file as a whole is refused
 * only when it cannot be read as a table (422 with the engine's code, as /renders answers).
 */
final class TableJobSource implements JobSource {

    private final ObjectMapper json;
    private final Renderer renderer;
    private final byte[] file;
    private final TableInput.Format format;
    private final String templateId;
    private final JobOptions options;
    private final int maxRecords;

    TableJobSource(ObjectMapper json, Renderer renderer, byte[] file, TableInput.Format format, String templateId,
                   JobOptions options, int maxRecords) {
        this.json = json;
        this.renderer = renderer;
        this.file = file;
        this.format = format;
        this.templateId = templateId;
        this.options = options;
        this.maxRecords = maxRecords;
    }

    @Override
    public Header read(ItemSink sink) {
        // A table the engine cannot read propagates as the engine's refusal, answered exactly as /renders answers it.
        List<RowResult> rows = renderer.rows(file, format);
        if (rows.size() > maxRecords) {
            throw ProblemException.invalid("file", "a job holds at most " + maxRecords + " records");
        }
        try {
            for (RowResult row : rows) {
                String input = json.writeValueAsString(row.values());
                if (row.ok()) {
                    sink.pending(input);
                } else {
                    FieldError first = row.errors().getFirst();
                    sink.failed(input, row.code().name(), "row " + row.line() + " refused: " + first.field() + " "
                            + first.message(), json.writeValueAsString(row.errors()));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("table values are always serialisable", e);
        }
        return new Header(templateId, format == TableInput.Format.CSV ? InputFormat.CSV : InputFormat.XLSX, options);
    }

    @Override
    public String requestHash() {
        try {
            String canonical = Hashes.sha256Hex(file) + "\n" + format + "\n" + templateId + "\n" + json.writeValueAsString(options);
            return Hashes.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
