package cn.tongban.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Spring Boot service of the local federation: the national platform or one center.
 *
 * @param name       the name used for log files, pid files and the start-up table
 * @param module     the Maven module that builds the service's executable jar
 * @param port       the HTTP port ({@code server.port}) the service listens on locally
 * @param center     the demo center this service runs, empty for the platform
 * @param properties the Spring properties handed to the service as {@code --key=value} arguments, in order;
 *                   every key is a property the service declares (checked by {@code DeploymentFilesAgreeTest})
 */
public record FederationService(String name, String module, int port, Optional<DemoCenter> center,
                                Map<String, String> properties) {

    /** Spring Boot's repackaged jar of the module, as {@code mvn install} leaves it. */
    public Path executableJar(Path repoRoot, String version) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    /** The base URL of the service on the loopback interface. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A human label for the start-up table, e.g. {@code center-110000 (Beijing)}. */
    public String label() {
        return center.map(c -> name + " (" + c.city() + ")").orElse(name);
    }
}
