package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditService;
import dev.rolecall.audit.chain.CheckpointCsv;
import dev.rolecall.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Sends the checkpoints CSV as a download, streamed straight to the response. */
final class CheckpointDownload {

    static final String FILENAME = "rolecall-audit-checkpoints.csv";

    private CheckpointDownload() {}

    static void send(AuditService audit, String channel, CurrentUser user, HttpServletResponse response)
            throws IOException {
        response.setContentType(CheckpointCsv.CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(FILENAME).build().toString());
        audit.exportCheckpoints(response.getOutputStream(), channel, user);
        response.flushBuffer();
    }
}
