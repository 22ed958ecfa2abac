package cn.tongban.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started: its output goes to a log file, its pid to a pid file, and it is stopped
 * gracefully (SIGTERM, a grace period, then SIGKILL).
 *
 * <p>Where {@code setsid} exists the child runs in a session of its own. Ctrl-C in the terminal then reaches
 * only the launcher, whose shutdown hook stops the children in order (services before the broker, the
 * broker before the database); without it every child would get the SIGINT at the same moment.
 */
final class ChildProcess {

    private static final Optional<Path> SETSID = findSetsid();

    /** How much of the end of a log file {@link #tail} reads; plenty for the lines it shows. */
    private static final int TAIL_WINDOW_BYTES = 256 * 1024;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * Starts a child process. A log file left by the previous run is kept as {@code <name>.log.1}.
     *
     * @param name    what the process is, for messages
     * @param command the command line
     * @param workDir the working directory
     * @param data    where logs and pid files go
     */
    static ChildProcess start(String name, List<String> command, Path workDir, DataDirectory data)
            throws IOException {
        Path logFile = data.logFile(name);
        if (Files.exists(logFile)) {
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> fullCommand = new ArrayList<>();
        SETSID.ifPresent(setsid -> fullCommand.add(setsid.toString()));
        fullCommand.addAll(command);
        Process process = new ProcessBuilder(fullCommand)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        process.getOutputStream().close();
        Path pidFile = data.pidFile(name);
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
        return new ChildProcess(name, process, logFile, pidFile);
    }

    /**
     * Runs a short-lived command to its end, its output appended to the log file of {@code name}.
     *
     * @return the exit code
     * @throws IOException if the command could not be started or did not end within the timeout
     */
    static int run(String name, List<String> command, Path workDir, DataDirectory data, Duration timeout)
            throws IOException, InterruptedException {
        Path logFile = data.logFile(name);
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s; see " + logFile);
        }
        return process.exitValue();
    }

    /** What this process is. */
    String name() {
        return name;
    }

    /** Where its output goes. */
    Path logFile() {
        return logFile;
    }

    /** Its process id. */
    long pid() {
        return process.pid();
    }

    /** Whether it still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Its exit code; only valid once it has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** Runs {@code action} when the process ends, whatever ended it. */
    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** The last {@code lines} lines of its log, for telling why it failed. */
    String logTail(int lines) {
        return tail(logFile, lines);
    }

    /**
     * Stops the process: SIGTERM, up to {@code grace} to finish, then SIGKILL. Safe to call on a process
     * that has already ended.
     *
     * @return a one-line account of how it ended
     */
    String stop(Duration grace) {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                    return name + " did not stop within " + grace.toSeconds() + " s and was killed";
                }
                return name + " stopped";
            }
            return name + " had already exited (code " + process.exitValue() + ")";
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return name + " was killed (interrupted while waiting for it)";
        } finally {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // A stale pid file only makes a later port conflict message more helpful, never wrong.
            }
        }
    }

    /** The last {@code lines} lines of a text file, or a note that it cannot be read. */
    static String tail(Path file, int lines) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, TAIL_WINDOW_BYTES));
            channel.position(size - buffer.capacity());
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the window to its end
            }
            List<String> all = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
                    .lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
