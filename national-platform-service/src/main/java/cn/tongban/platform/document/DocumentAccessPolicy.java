package cn.tongban.platform.document;

import cn.tongban.contracts.CenterCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may put a document into a case and who may read it (材料访问规则): the two centers of the case, and for
 * reading also the platform's operators. Nobody else: not a third center of the federation, not a center's staff
 * calling directly instead of through their center's service. Plain Java; decisions carry their reason.
 */
public final class DocumentAccessPolicy {

    private DocumentAccessPolicy() {
    }

    /**
     * Who is asking.
     *
     * @param subject the token subject
     * @param operator a platform operator
     * @param center the center a center-service token speaks for, if it is one
     */
    public record Requester(String subject, boolean operator, Optional<CenterCode> center) {
        public Requester {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(center, "center");
        }

        /** The center code for the audit log, or empty for an operator. */
        public String centerText() {
            return center.map(CenterCode::value).orElse("");
        }
    }

    /** The two centers of a case. */
    public record Parties(CenterCode requestingCenter, CenterCode handlingCenter) {
        public Parties {
            Objects.requireNonNull(requestingCenter, "requestingCenter");
            Objects.requireNonNull(handlingCenter, "handlingCenter");
        }

        boolean include(CenterCode center) {
            return requestingCenter.equals(center) || handlingCenter.equals(center);
        }
    }

    /** What the policy decided. */
    public sealed interface Decision permits Granted, Refused {
    }

    public record Granted() implements Decision {
    }

    /** @param code a stable code for problem details and the audit log */
    public record Refused(String code, String reason) implements Decision {
    }

    /** Only a center of the case uploads, through its service: a document is always some center's material. */
    public static Decision mayUpload(Requester requester, Parties parties) {
        if (requester.center().isEmpty()) {
            return new Refused("NOT_A_CENTER", "only a center's service uploads materials; operators read them");
        }
        CenterCode center = requester.center().get();
        return parties.include(center) ? new Granted()
                : new Refused("NOT_A_PARTY", "center " + center + " is not a party of this case");
    }

    /** The two centers of the case and platform operators read; everyone else is refused. */
    public static Decision mayRead(Requester requester, Parties parties) {
        if (requester.operator()) {
            return new Granted();
        }
        if (requester.center().isEmpty()) {
            return new Refused("NOT_A_CENTER", "only the centers of the case and platform operators read its materials");
        }
        CenterCode center = requester.center().get();
        return parties.include(center) ? new Granted()
                : new Refused("NOT_A_PARTY", "center " + center + " is not a party of this document's case");
    }
}
