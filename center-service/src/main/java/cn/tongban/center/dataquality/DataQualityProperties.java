package cn.tongban.center.dataquality;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.data-quality.*}.
 *
 * @param maxFileSize the largest import file accepted (the whole file is read into memory); Spring's own
 *                    {@code spring.servlet.multipart.max-file-size} and {@code max-request-size} must be at least as
 *                    large, or uploads fail there first (also with 413)
 * @param reportSamples how many records each check of the report lists
 * @param recentBatches how many of the latest import batches the report shows
 */
@Validated
@ConfigurationProperties("tongban.data-quality")
public record DataQualityProperties(@DefaultValue("10MB") @NotNull DataSize maxFileSize,
                                    @DefaultValue("10") @Min(0) @Max(100) int reportSamples,
                                    @DefaultValue("10") @Min(1) @Max(100) int recentBatches) {
}
