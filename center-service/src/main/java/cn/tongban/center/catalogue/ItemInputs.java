package cn.tongban.center.catalogue;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.joint.MaterialReference;
import cn.tongban.kit.web.ApiProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What every counter entry point of the item flow reads from its request, checked the same way. */
public final class ItemInputs {

    private ItemInputs() {
    }

    public record ApplicantInput(@NotBlank String identityNumber, @NotBlank @Size(max = 40) String name) {
    }

    /** A scanned material's reference as the counter's document store gave it. */
    public record MaterialInput(@NotBlank @Size(max = 100) String id, @NotBlank String digest, long size,
                                @NotBlank String mediaType, @NotBlank String materialKind) {
    }

    /** 201 with the case's address. */
    public static ResponseEntity<ItemCaseView> created(ItemCase opened) {
        return ResponseEntity.created(URI.create("/api/v1/items/cases/" + opened.id())).body(ItemCaseView.of(opened));
    }

    /** A center code from a request field, or 400 naming the field. */
    public static CenterCode center(String code, String field) {
        if (!CenterCode.isValid(code)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
                    List.of(new ApiProblem.FieldProblem(field, "not a center code: " + code)));
        }
        return CenterCode.of(code);
    }

    /** The applicant from a request, or 400 naming the field. */
    public static Applicant applicant(ApplicantInput input) {
        String number = input.identityNumber().trim().toUpperCase();
        IdentityNumber.problemWith(number).ifPresent(reason -> {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
                    List.of(new ApiProblem.FieldProblem("applicant.identityNumber", reason)));
        });
        return new Applicant(IdentityNumber.of(number), input.name().trim());
    }

    /** The material references from a request, or 400 naming the first bad one. */
    public static List<MaterialReference> materials(List<MaterialInput> inputs) {
        List<MaterialReference> references = new ArrayList<>();
        if (inputs == null) {
            return references;
        }
        for (int i = 0; i < inputs.size(); i++) {
            MaterialInput in = inputs.get(i);
            try {
                references.add(new MaterialReference(in.id(), in.digest(), in.size(), in.mediaType(), in.materialKind()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
                        List.of(new ApiProblem.FieldProblem("materials[" + i + "]", e.getMessage())));
            }
        }
        return references;
    }
}
