package cn.tongban.contracts.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference events carry instead of a document: its JSON shape is fixed by the sample
 * {@code values/document-reference.json} (read both ways), and it can only name content by digest, never hold it.
 */
class DocumentReferenceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final DocumentReference SAMPLE = new DocumentReference("d-110000-20261125-000042-7f3a9c",
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 182734, "application/pdf",
            CenterCode.of("110000"), CaseId.of("110000-20261125-000042"), MaterialKind.PURCHASE_PROOF);

    @Test
    void theSampleReadsIntoTheReferenceAndIsWrittenBackTheSame() throws IOException {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/values/document-reference.json")) {
            sample = JSON.readTree(in);
        }

        assertThat(JSON.treeToValue(sample, DocumentReference.class)).isEqualTo(SAMPLE);
        JsonNode written = JSON.readTree(JSON.writeValueAsString(SAMPLE));
        assertThat(written).isEqualTo(sample);
    }

    @Test
    void aReferenceHasNoFieldThatCouldCarryTheDocumentsBytes() {
        Set<String> fields = Arrays.stream(DocumentReference.class.getRecordComponents())
                .map(component -> component.getName() + ":" + component.getType().getSimpleName())
                .collect(Collectors.toSet());

        assertThat(fields).containsExactlyInAnyOrder("id:String", "sm3:String", "sha256:String", "size:long",
                "mediaType:String", "uploader:CenterCode", "caseId:CaseId", "materialKind:MaterialKind");
    }

    @Test
    void digestsMediaTypeAndSizeAreChecked() {
        assertThatThrownBy(() -> new DocumentReference("d-1", "ABC", SAMPLE.sha256(), 1, "application/pdf",
                SAMPLE.uploader(), SAMPLE.caseId(), MaterialKind.OTHER)).hasMessageContaining("sm3");
        assertThatThrownBy(() -> new DocumentReference("d-1", SAMPLE.sm3(), SAMPLE.sha256(), 1, "application/zip",
                SAMPLE.uploader(), SAMPLE.caseId(), MaterialKind.OTHER)).hasMessageContaining("application/zip");
        assertThatThrownBy(() -> new DocumentReference("d-1", SAMPLE.sm3(), SAMPLE.sha256(), 0, "application/pdf",
                SAMPLE.uploader(), SAMPLE.caseId(), MaterialKind.OTHER)).hasMessageContaining("byte");
        assertThatThrownBy(() -> new DocumentReference("../etc", SAMPLE.sm3(), SAMPLE.sha256(), 1, "application/pdf",
                SAMPLE.uploader(), SAMPLE.caseId(), MaterialKind.OTHER)).hasMessageContaining("id");
    }
}
