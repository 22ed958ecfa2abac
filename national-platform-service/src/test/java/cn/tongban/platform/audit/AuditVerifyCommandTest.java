package cn.tongban.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** {@code --tongban.audit.verify=true}: the report on standard output, and the exit code says intact or not. */
class AuditVerifyCommandTest {

    final AuditFixture audit = new AuditFixture(10);
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final AtomicInteger exitCode = new AtomicInteger(-1);
    final GenericApplicationContext context = new GenericApplicationContext();

    @AfterEach
    void tearDown() {
        audit.close();
    }

    private void run() {
        context.refresh();
        new AuditVerifyCommand(audit.verifier, context, new PrintStream(printed, true, StandardCharsets.UTF_8),
                exitCode::set).run(new DefaultApplicationArguments("--tongban.audit.verify=true"));
    }

    @Test
    void anIntactLogExitsWithZero() {
        audit.append(12);

        run();

        assertThat(exitCode).hasValue(0);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("INTACT", "records: 12").doesNotContain("NOT INTACT");
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void aTamperedLogExitsWithOneAndSaysWhereAndWhy() {
        audit.append(12);
        audit.mongo.updateFirst(Query.query(Criteria.where("_id").is(5L)), new Update().set("subject", "x"),
                AuditLog.RECORDS);

        run();

        assertThat(exitCode).hasValue(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("NOT INTACT", "EDITED at 5");
    }

    @Test
    void anUnreadableDatabaseExitsWithTwo() {
        AuditVerifier unreachable = new AuditVerifier(audit.mongo, audit.platformKey.verifier(), 10, audit.clock) {
            @Override
            public AuditReport verify() {
                throw new IllegalStateException("no database");
            }
        };
        context.refresh();
        new AuditVerifyCommand(unreachable, context, new PrintStream(printed, true, StandardCharsets.UTF_8),
                exitCode::set).run(new DefaultApplicationArguments());

        assertThat(exitCode).hasValue(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("no database");
    }
}
