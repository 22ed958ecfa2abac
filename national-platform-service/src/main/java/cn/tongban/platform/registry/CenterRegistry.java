package cn.tongban.platform.registry;

import cn.tongban.contracts.CenterCode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who may send through the platform and who may be addressed. */
@Component
public class CenterRegistry {

    private final Map<CenterCode, RegisteredCenter> centers = new LinkedHashMap<>();

    CenterRegistry(RegistryProperties properties) {
        for (RegistryProperties.Center center : properties.centers()) {
            if (centers.put(center.code(), new RegisteredCenter(center.code(), center.name(), center.province(),
                    center.active())) != null) {
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
