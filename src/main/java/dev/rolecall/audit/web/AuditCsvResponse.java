package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Sends an audit export as a CSV download, streamed straight to the response. */
final class AuditCsvResponse {

    private AuditCsvResponse() {}

    static void send(AuditService.Export export, HttpServletResponse response) throws IOException {
        response.setContentType(AuditService.Export.CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(export.filename(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        export.writeTo(response.getOutputStream());
        response.flushBuffer();
    }
}
