package cn.tongban.center.registration;

import cn.tongban.center.seal.CenterSeal;
import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.kit.crypto.Sm3;
import cn.tongban.kit.web.ApiProblem;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Materials of an employer registration (item 04) signed with the employer's electronic seal: accepted without paper
 * when {@link EmployerSealCheck} accepts them, refused with its reason (422) otherwise. Kept in {@value #COLLECTION},
 * written by {@code _id}.
 */
@Service
public class SealedMaterials {

    static final String COLLECTION = "employer_sealed_materials";
    private static final Logger log = LoggerFactory.getLogger(SealedMaterials.class);

    private final RegistrationStore registrations;
    private final MongoOperations mongo;
    private final EmployerSealCheck check;
    private final EmployerSealProperties properties;
    private final Clock clock;

    SealedMaterials(RegistrationStore registrations, MongoOperations mongo, EmployerSealProperties properties,
                    Environment environment, Clock clock) {
        this.registrations = registrations;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.check = new EmployerSealCheck(trustedIssuers(properties, environment));
    }

    /**
     * @throws ApiProblem 404 when there is no such case, 413 when the file is too large, 422 with the seal check's
     *         reason code when the seal is not accepted
     */
    public SealedMaterial accept(String caseId, String kind, String fileName, byte[] pdf, String by) {
        RegistrationCase registration = registrations.find(caseId)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_REGISTRATION", "no registration case " + caseId));
        if (pdf.length > properties.maxSize().toBytes()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE",
                    "a sealed material is at most " + properties.maxSize().toMegabytes() + " MB", List.of());
        }
        Instant now = clock.instant();
        EmployerSealCheck.Decision decision = check.decide(pdf, registration.creditCode(), now);
        if (decision instanceof EmployerSealCheck.Refused refused) {
            log.info("sealed material for {} refused: {}", caseId, refused.reasonCode());
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, refused.reasonCode(), refused.reason(), List.of());
        }
        EmployerSealCheck.Accepted accepted = (EmployerSealCheck.Accepted) decision;
        String sm3 = Sm3.hex(pdf);
        SealedMaterial material = new SealedMaterial(caseId + "/" + sm3, caseId, registration.creditCode(), kind, fileName,
                sm3, pdf.length, accepted.signer(), accepted.certificateSerial(), accepted.signedAt(), now, by, pdf);
        try {
            mongo.insert(material, COLLECTION);
            log.info("sealed material {} accepted for {}", kind, caseId);
            return material;
        } catch (DuplicateKeyException sameFileAgain) {
            return mongo.findById(material.id(), SealedMaterial.class, COLLECTION);
        }
    }

    public Optional<RegistrationCase> registration(String caseId) {
        return registrations.find(caseId);
    }

    private static List<PublicKey> trustedIssuers(EmployerSealProperties properties, Environment environment) {
        List<PublicKey> keys = new ArrayList<>();
        for (String issuer : properties.trustedIssuers()) {
            keys.add(issuer.contains("CERTIFICATE") ? CenterSeal.readCertificate(issuer).getPublicKey()
                    : Sm2Keys.decodePublicKey(issuer));
        }
        if (environment.matchesProfiles("local")) {
            keys.add(Sm2Keys.devKeyPair(properties.devIssuerLabel()).publicKey());
        }
        if (keys.isEmpty()) {
            log.warn("no tongban.employer-seal.trusted-issuers: no employer e-seal is accepted; materials need paper");
        }
        return keys;
    }
}
