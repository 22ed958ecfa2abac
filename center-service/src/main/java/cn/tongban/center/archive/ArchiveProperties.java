package cn.tongban.center.archive;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.archive.*}: limits of archive batches.
 *
 * @param maxFileSize the largest scan accepted; {@code spring.servlet.multipart.max-file-size} must not be smaller
 * @param maxFiles the most files one batch may carry
 */
@Validated
@ConfigurationProperties("tongban.archive")
public record ArchiveProperties(@NotNull @DefaultValue("20MB") DataSize maxFileSize,
                                @Min(1) @DefaultValue("200") int maxFiles) {
}
