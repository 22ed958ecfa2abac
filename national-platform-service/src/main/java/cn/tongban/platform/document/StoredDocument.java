package cn.tongban.platform.document;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.document.DocumentReference;
import java.time.Instant;
import java.util.Objects;

/**
 * The platform's record of a document (材料登记), in the {@code documents} collection: its reference, the two
 * centers of its case (who may read it, fixed at upload), and how long it is kept. Its content is in the
 * content store under the same id.
 *
 * @param id the document id, also the content store key
 * @param state {@code PENDING} while the content is being stored, {@code STORED} once it is whole
 * @param uploadedBy the token subject of the uploading service
 * @param retainUntil when it is removed: for a pending upload, when it is taken as abandoned
 */
public record StoredDocument(String id, State state, DocumentReference reference, CenterCode requestingCenter,
                             CenterCode handlingCenter, String uploadedBy, Instant uploadedAt, Instant retainUntil) {

    /** Where an upload stands. */
    public enum State { PENDING, STORED }

    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reference, "reference");
    }
}
