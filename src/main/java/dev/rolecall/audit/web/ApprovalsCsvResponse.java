package dev.rolecall.audit.web;

import dev.rolecall.audit.approvals.ApprovalReports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Sends an approvals export as a CSV download, streamed straight to the response. */
final class ApprovalsCsvResponse {

    private ApprovalsCsvResponse() {}

    static void send(ApprovalReports.Export export, HttpServletResponse response) throws IOException {
        response.setContentType(ApprovalReports.CONTENT_TYPE);
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
