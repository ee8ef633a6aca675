package dev.rolecall.audit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the rows of {@link AuditCsv}'s COPY into the file's rows as they stream through: a record
 * ends with CRLF (COPY writes LF; a line break inside a quoted cell stays as it is), and the time,
 * which PostgreSQL prints as {@code 2026-11-28 10:15:30.12+00}, reads {@code 2026-11-28T10:15:30.120Z}
 * like every time in the trail. Buffers its output; {@link #flush()} passes it on.
 */
final class AuditCsvLines extends OutputStream {

    private static final int EVENT_ID = 0;
    private static final int TIME = 1;
    private static final int REST = 2;
    private static final int BUFFER = 16 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] time = new byte[48];
    private int buffered;
    private int timeLength;
    private int state = EVENT_ID;
    private boolean quoted;

    AuditCsvLines(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        switch (state) {
            case EVENT_ID -> {
                put(b);
                if (b == ',') {
                    state = TIME;
                }
            }
            case TIME -> time(b);
            default -> rest(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    private void time(int b) throws IOException {
        if (b != ',') {
            if (timeLength == time.length) {
                throw new IOException("not a time in the audit CSV");
            }
            time[timeLength++] = (byte) b;
            return;
        }
        // yyyy-MM-dd HH:mm:ss[.ffffff]+00
        if (timeLength < 22 || time[10] != ' ' || time[timeLength - 3] != '+' || time[timeLength - 2] != '0') {
            throw new IOException("not a UTC time in the audit CSV");
        }
        for (int i = 0; i < 19; i++) {
            put(i == 10 ? 'T' : time[i]);
        }
        put('.');
        int fraction = time[19] == '.' ? 20 : timeLength;
        for (int i = 0; i < 3; i++) {
            put(fraction + i < timeLength - 3 ? time[fraction + i] : '0');
        }
        put('Z');
        put(',');
        timeLength = 0;
        state = REST;
    }

    private void rest(int b) throws IOException {
        if (b == '"') {
            quoted = !quoted;
        }
        if (b == '\n' && !quoted) {
            put('\r');
            put('\n');
            state = EVENT_ID;
        } else {
            put(b);
        }
    }

    private void put(int b) throws IOException {
        if (buffered == BUFFER) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
        buffer[buffered++] = (byte) b;
    }

    @Override
    public void flush() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
        out.flush();
    }
}
