package dev.rolecall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded PostgreSQL that a console killed without stopping it left running on its folder. */
final class EmbeddedServerLeftRunning {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerLeftRunning.class);
    // The library's lock file: held by the JVM whose server serves the folder, released when it exits.
    private static final String LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final long STOP_WAIT_SECONDS = 30;

    private EmbeddedServerLeftRunning() {}

    /**
     * A console killed with {@code kill -9} leaves its PostgreSQL running on the folder. If no
     * running console holds the folder's lock, such a server is stopped (SIGINT, PostgreSQL's fast
     * shutdown, as {@code pg_ctl stop -m fast} sends) so that exactly one server, started with
     * this version's settings, serves the folder.
     */
    static void stopIfAny(Path directory) {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                        directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw folderInUse(directory, null);
            }
            postmaster(pidFile).ifPresent(server -> stop(server, directory));
        } catch (OverlappingFileLockException e) {
            throw folderInUse(directory, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live PostgreSQL process a pid file names; none when the file is stale. */
    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false));
    }

    private static void stop(ProcessHandle server, Path directory) {
        log.warn(
                "An embedded PostgreSQL (pid {}) left running by a console that did not stop cleanly serves {};"
                        + " stopping it before starting again",
                server.pid(),
                directory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            server.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new EmbeddedDatabaseException(
                    "An embedded PostgreSQL (pid " + server.pid() + ") left running on " + directory
                            + " did not stop within " + STOP_WAIT_SECONDS + " s.",
                    "Stop it (pg_ctl stop -m fast -D " + directory + ", or kill " + server.pid()
                            + ") and start Rolecall again.",
                    e);
        }
    }

    private static EmbeddedDatabaseException folderInUse(Path directory, @Nullable Throwable cause) {
        return new EmbeddedDatabaseException(
                "The embedded database's data folder " + directory + " is in use by another running Rolecall.",
                "Stop the other Rolecall, or give this one its own folder with rolecall.database.data-directory.",
                cause);
    }
}
