package cn.tongban.platform.audit;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The verify command (审计日志核验命令): when the platform is started with {@code --tongban.audit.verify=true}
 * it verifies the audit log once the context is up, prints the report to standard output and exits with
 * 0 if the log is intact, 1 if not (2 if it could not be read). Run it from the executable jar against the
 * same database, with the platform's signing key (or {@code local} profile), for example
 * <pre>
 * java -jar national-platform-service-0.1.0-SNAPSHOT-exec.jar --spring.profiles.active=prod \
 *      --spring.mongodb.uri=mongodb://… --tongban.audit.verify=true \
 *      --spring.kafka.listener.auto-startup=false --tongban.messaging.outbox.enabled=false --server.port=0
 * </pre>
 * The last three arguments keep the verifying process from consuming, publishing or taking a port.
 */
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditVerifier verifier;
    private final ConfigurableApplicationContext context;
    private final PrintStream out;
    private final Exit exit;

    AuditVerifyCommand(AuditVerifier verifier, ConfigurableApplicationContext context) {
        this(verifier, context, System.out, System::exit);
    }

    AuditVerifyCommand(AuditVerifier verifier, ConfigurableApplicationContext context, PrintStream out, Exit exit) {
        this.verifier = verifier;
        this.context = context;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int code;
        try {
            AuditReport report = verifier.verify();
            out.print(report.toText());
            code = report.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            out.println("audit log verification failed: " + e);
            code = 2;
        }
        out.flush();
        int exitCode = code;
        exit.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exitCode));
    }

    /** How the process ends; {@link System#exit(int)} outside tests. */
    @FunctionalInterface
    interface Exit {
        void exit(int code);
    }
}
