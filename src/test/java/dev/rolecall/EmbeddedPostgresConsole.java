package dev.rolecall;

import java.nio.file.Path;

/**
 * A console's embedded database in a JVM of its own, for a test to kill with SIGKILL: starts the
 * server on the folder given, records a marker row, says READY and waits.
 */
final class EmbeddedPostgresConsole {

    private EmbeddedPostgresConsole() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]));
        EmbeddedPostgresServerTests.write(server, args[2]);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
