package cn.tongban.platform.document;

import cn.tongban.contracts.document.MaterialKind;
import cn.tongban.kit.document.DocumentType;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.platform.documents.*}: the limits and retention of the platform's document store.
 *
 * @param maxSize the largest document accepted; keep {@code spring.servlet.multipart.max-file-size} a little above
 *                it so this limit, with its own message, is the one a caller meets
 * @param acceptedTypes the document types accepted, recognised by content
 * @param retention how long a document of each material kind is kept after its upload
 * @param defaultRetention for a material kind {@code retention} does not name
 * @param pendingTimeout an upload not finished after this long is taken as abandoned and removed
 * @param purgeInterval how often documents past their retention are removed
 * @param purgeBatch at most this many documents per purge run
 * @param watch whether this replica runs the purge (off in tests that drive it by hand)
 */
@Validated
@ConfigurationProperties("tongban.platform.documents")
public record DocumentProperties(@NotNull @DefaultValue("20MB") DataSize maxSize,
                                 @NotEmpty @DefaultValue({"PDF", "JPEG", "PNG", "OFD"}) Set<DocumentType> acceptedTypes,
                                 @DefaultValue Map<MaterialKind, Period> retention,
                                 @NotNull @DefaultValue("P3Y") Period defaultRetention,
                                 @NotNull @DefaultValue("15m") Duration pendingTimeout,
                                 @NotNull @DefaultValue("1h") Duration purgeInterval,
                                 @Min(1) @DefaultValue("500") int purgeBatch,
                                 @DefaultValue("true") boolean watch) {

    public DocumentProperties {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }

    /** How long documents of this kind are kept. */
    public Period retentionOf(MaterialKind kind) {
        return retention.getOrDefault(kind, defaultRetention);
    }
}
