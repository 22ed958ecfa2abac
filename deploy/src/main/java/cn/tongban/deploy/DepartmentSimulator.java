package cn.tongban.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The external-department simulator: WireMock in the launcher's JVM serving the mappings shipped in
 * {@code deploy/simulator} (identity verification, social security, market regulation, real-estate
 * registry, bank settlement). The same directory serves the WireMock container of docker-compose.
 */
final class DepartmentSimulator {

    /** The simulator's log name. */
    static final String NAME = "simulator";

    private final WireMockServer server;
    private final PrintWriter log;

    private DepartmentSimulator(WireMockServer server, PrintWriter log) {
        this.server = server;
        this.log = log;
    }

    /**
     * Starts WireMock on the loopback simulator port.
     *
     * @param simulatorDir the directory holding {@code mappings/} and {@code __files/}
     */
    static DepartmentSimulator start(Path simulatorDir, DataDirectory data) throws IOException {
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(data.logFile(NAME), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING), true);
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress(FederationLayout.LOOPBACK)
                .port(FederationLayout.SIMULATOR_PORT)
                .usingFilesUnderDirectory(simulatorDir.toString())
                .maxRequestJournalEntries(1000)
                .notifier(new LogNotifier(log)));
        try {
            server.start();
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        return new DepartmentSimulator(server, log);
    }

    /** How many stubs the simulator serves. */
    int stubCount() {
        return server.getStubMappings().size();
    }

    /** Stops WireMock and closes its log. */
    String stop() {
        server.stop();
        log.close();
        return NAME + " stopped";
    }

    /** Writes WireMock's notifications to the simulator log instead of the launcher's console. */
    private record LogNotifier(PrintWriter out) implements Notifier {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

        @Override
        public void info(String message) {
            write("INFO ", message);
        }

        @Override
        public void error(String message) {
            write("ERROR", message);
        }

        @Override
        public void error(String message, Throwable t) {
            write("ERROR", message);
            t.printStackTrace(out);
        }

        private void write(String level, String message) {
            out.println(LocalDateTime.now().format(TIME) + " " + level + " " + message);
        }
    }
}
