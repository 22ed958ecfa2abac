package cn.tongban.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The launcher's state on disk, kept between runs so that a second start finds what the first left:
 * <pre>
 *   kafka/       cluster.id, server.properties, data/ (the broker's log and metadata directories)
 *   mongo/       tongban.mv.db (the H2 file behind the MongoDB-wire-compatible server)
 *   logs/        one log per process: kafka.log, simulator.log, platform.log, center-110000.log, ...
 *   pids/        one pid file per running child process
 * </pre>
 */
final class DataDirectory {

    private final Path root;

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Creates the directories that do not exist yet. */
    DataDirectory prepare() {
        for (Path dir : List.of(root, kafkaDir(), mongoDir(), logsDir(), pidsDir())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dir, e);
            }
        }
        return this;
    }

    /** Deletes everything the federation stored: topics, databases, logs. */
    void reset() throws IOException {
        for (Path dir : List.of(kafkaDir(), mongoDir(), logsDir(), pidsDir())) {
            deleteRecursively(dir);
        }
    }

    Path root() {
        return root;
    }

    Path kafkaDir() {
        return root.resolve("kafka");
    }

    Path mongoDir() {
        return root.resolve("mongo");
    }

    Path logsDir() {
        return root.resolve("logs");
    }

    Path pidsDir() {
        return root.resolve("pids");
    }

    /** The log file of one process. */
    Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    /** The pid file of one child process. */
    Path pidFile(String name) {
        return pidsDir().resolve(name + ".pid");
    }

    /**
     * The pid recorded for {@code name} by an earlier run, if that process is still alive. Used to say which
     * process holds a port when a previous launcher was killed without cleaning up.
     */
    OptionalLong livePidOf(String name) {
        Path pidFile = pidFile(name);
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return OptionalLong.of(pid);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // An unreadable pid file is treated as no record at all.
        }
        return OptionalLong.empty();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
