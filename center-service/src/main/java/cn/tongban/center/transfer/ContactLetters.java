package cn.tongban.center.transfer;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Issues contact-letter numbers (联系函编号): this center's code, the day (China time), an atomic per-day counter. */
@Component
class ContactLetters {

    private static final String SEQUENCES = "contact_letter_sequences";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MongoOperations mongo;
    private final Clock clock;

    ContactLetters(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    ContactLetterNumber next(CenterCode issuer) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(today.toString())),
                new Update().inc("next", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, SEQUENCES);
        return ContactLetterNumber.of(issuer, today, ((Number) counter.get("next")).intValue());
    }
}
