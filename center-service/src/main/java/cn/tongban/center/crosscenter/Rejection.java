package cn.tongban.center.crosscenter;

/** Why the handling center refused a case: a stable code and a text to read out to the applicant. */
public record Rejection(String code, String reason) {
}
