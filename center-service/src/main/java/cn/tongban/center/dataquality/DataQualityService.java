package cn.tongban.center.dataquality;

import cn.tongban.center.CenterProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Data quality (数据质量) at this center: legacy imports, their quarantine, the report over stored records. */
@Service
public class DataQualityService {

    private static final Logger log = LoggerFactory.getLogger(DataQualityService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DataQualityStore store;
    private final CenterProperties center;
    private final DataQualityProperties properties;
    private final Clock clock;

    DataQualityService(DataQualityStore store, CenterProperties center, DataQualityProperties properties, Clock clock) {
        this.store = store;
        this.center = center;
        this.properties = properties;
        this.clock = clock;
    }

    /** Imports a legacy export as a new batch, or refuses the file as a whole. */
    public ImportOutcome importFile(String fileName, byte[] content, String importedBy) {
        BatchId batch = BatchId.next(clock.instant(), ThreadLocalRandom.current());
        while (store.batch(batch).isPresent()) {
            batch = BatchId.next(clock.instant(), ThreadLocalRandom.current());
        }
        ImportOutcome outcome = new LegacyImport(store, clock).run(batch, fileName, importedBy, content);
        if (outcome instanceof ImportOutcome.Completed completed) {
            BatchReport report = completed.report();
            log.info("import batch {} of {} by {}: {} rows read, {} imported ({} flagged for review), {} quarantined",
                    batch, report.format(), importedBy, report.rowsRead(), report.imported(), report.flaggedForReview(),
                    report.quarantined());
        }
        return outcome;
    }

    public Optional<BatchReport> batch(BatchId id) {
        return store.batch(id);
    }

    /** A page of the batch's quarantined rows, empty when there is no such batch. */
    public Optional<QuarantinePage> quarantine(BatchId id, int page, int size) {
        return store.batch(id).map(batch -> new QuarantinePage(id, page, size, store.countQuarantined(id),
                store.quarantined(id, page, size)));
    }

    public DataQualityReport report() {
        DataQualityInspection inspection = new DataQualityInspection(
                ImportRules.national(LocalDate.now(clock.withZone(CHINA))), properties.reportSamples());
        return inspection.inspect(center.code(), clock.instant(), store, properties.recentBatches());
    }
}
