package cn.tongban.platform.registry;

import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.crypto.SigningConfiguration;
import java.security.PublicKey;
import org.springframework.core.env.Environment;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who may send through the platform and who may be addressed. */
@Component
public class CenterRegistry {

    private final Map<CenterCode, RegisteredCenter> centers = new LinkedHashMap<>();

    CenterRegistry(RegistryProperties properties, Environment environment) {
        for (RegistryProperties.Center center : properties.centers()) {
            PublicKey key = SigningConfiguration.peerKey(center.publicKey(), "center-" + center.code(), environment);
            if (key == null) {
                throw new IllegalStateException("center " + center.code() + " has no public-key in tongban.platform.centers:"
                        + " its events could not be verified");
            }
            if (centers.put(center.code(), new RegisteredCenter(center.code(), center.name(), center.province(),
                    center.active(), key)) != null) {
                throw new IllegalStateException("center " + center.code() + " is registered twice");
            }
        }
    }

    public Optional<RegisteredCenter> find(CenterCode code) {
        return Optional.ofNullable(centers.get(code));
    }

    /** A registered center that is not suspended. */
    public Optional<RegisteredCenter> active(CenterCode code) {
        return find(code).filter(RegisteredCenter::active);
    }

    public Collection<RegisteredCenter> all() {
        return centers.values();
    }
}
