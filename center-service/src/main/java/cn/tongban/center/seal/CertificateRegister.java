package cn.tongban.center.seal;

import cn.tongban.center.certificate.CertificateKind;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The register of sealed certificates in this center's database: keyed by verification code, written by {@code _id}
 * only; a unique index on the issuance ({@code <case>/<kind>}) keeps one certificate of a kind per case when two
 * requests issue it at once.
 */
@Repository
class CertificateRegister {

    static final String COLLECTION = "sealed_certificates";

    private final MongoOperations mongo;

    CertificateRegister(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("issuance", Sort.Direction.ASC).unique().named("issuance"));
    }

    /** @return false when a certificate of this kind was issued for the case meanwhile */
    boolean insert(IssuedCertificate certificate) {
        try {
            mongo.insert(certificate, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<IssuedCertificate> find(String verificationCode) {
        return Optional.ofNullable(mongo.findById(verificationCode, IssuedCertificate.class, COLLECTION));
    }

    Optional<IssuedCertificate> findIssued(String caseId, CertificateKind kind) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("issuance")
                .is(IssuedCertificate.issuance(caseId, kind))), IssuedCertificate.class, COLLECTION));
    }

    /** @return false when there is no such certificate or it was revoked already */
    boolean revoke(String verificationCode, String by, String reason, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(verificationCode).and("revokedAt").is(null)),
                new Update().set("revokedAt", at).set("revokedBy", by).set("revocationReason", reason),
                COLLECTION).getModifiedCount() == 1;
    }
}
