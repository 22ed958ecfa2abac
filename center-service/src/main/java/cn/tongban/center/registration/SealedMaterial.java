package cn.tongban.center.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A material an employer submitted signed with its electronic seal (电子印章材料), accepted without paper: kept with
 * the check's findings and the file itself.
 *
 * @param id {@code <registration case>/<SM3 of the file>}: the same file for the same case is one material
 * @param kind what it is, in the employer's words, e.g. 单位登记开户申请表
 * @param signer the seal certificate's subject; {@code certificateSerial} its serial number (hex)
 */
public record SealedMaterial(String id, String registrationCase, String creditCode, String kind, String fileName,
                             String sm3, int size, String signer, String certificateSerial, Instant signedAt,
                             Instant acceptedAt, String acceptedFrom, byte[] pdf) {

    public SealedMaterial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registrationCase, "registrationCase");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedMaterial that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SealedMaterial[" + id + ", " + kind + "]";
    }
}
