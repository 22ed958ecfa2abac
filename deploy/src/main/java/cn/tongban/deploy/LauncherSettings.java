package cn.tongban.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the launcher was asked to do, from its arguments and environment.
 *
 * @param repoRoot      the repository root: service jars and {@code deploy/simulator} are found from it
 * @param dataDir       where state and logs are kept between runs
 * @param reset         whether to delete the stored state before starting
 * @param infraOnly     whether to start only Kafka, MongoDB and the simulator (services run from an IDE)
 * @param healthTimeout how long the services may take to report UP
 */
record LauncherSettings(Path repoRoot, Path dataDir, boolean reset, boolean infraOnly, Duration healthTimeout) {

    /** The usage text printed for {@code --help} and for an unknown argument. */
    static final String USAGE = """
            Usage: LocalFederation [--repo-root=DIR] [--data-dir=DIR] [--reset] [--infra-only] [--health-timeout=SECONDS]
              --repo-root       repository root (default: $TONGBAN_REPO_ROOT or the working directory)
              --data-dir        state and logs (default: $TONGBAN_LOCAL_DIR or <repo-root>/.tongban-local)
              --reset           delete the stored topics, databases and logs first
              --infra-only      start Kafka, MongoDB and the department simulator only
              --health-timeout  seconds the services may take to report UP (default 150)
            """;

    private static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(150);

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException with a message for the user if an argument is not understood
     */
    static LauncherSettings parse(String[] args, Map<String, String> env) {
        Path repoRoot = Path.of(env.getOrDefault("TONGBAN_REPO_ROOT", ""));
        Path dataDir = env.containsKey("TONGBAN_LOCAL_DIR") ? Path.of(env.get("TONGBAN_LOCAL_DIR")) : null;
        boolean reset = false;
        boolean infraOnly = false;
        Duration healthTimeout = DEFAULT_HEALTH_TIMEOUT;
        for (String arg : args) {
            if (arg.startsWith("--repo-root=")) {
                repoRoot = Path.of(value(arg));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value(arg));
            } else if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.equals("--infra-only")) {
                infraOnly = true;
            } else if (arg.startsWith("--health-timeout=")) {
                healthTimeout = Duration.ofSeconds(Long.parseLong(value(arg)));
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        repoRoot = repoRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(repoRoot.resolve("deploy").resolve("simulator"))) {
            throw new IllegalArgumentException(repoRoot + " is not the Tongban repository root (no deploy/simulator);"
                    + " run from the root or pass --repo-root=DIR");
        }
        if (dataDir == null) {
            dataDir = repoRoot.resolve(".tongban-local");
        }
        return new LauncherSettings(repoRoot, dataDir.toAbsolutePath().normalize(), reset, infraOnly,
                healthTimeout);
    }

    /** The directory of the shipped department-simulator mappings. */
    Path simulatorDir() {
        return repoRoot.resolve("deploy").resolve("simulator");
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }
}
