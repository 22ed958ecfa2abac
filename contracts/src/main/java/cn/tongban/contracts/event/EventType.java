package cn.tongban.contracts.event;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudEvents type of the federation: {@code tongban.<flow>.<event>.v<N>}. A breaking change is a new
 * version, consumed side by side with the old one until every center has moved; a new optional field is not.
 */
public record EventType(String flow, String event, int version) {

    private static final Pattern FORM = Pattern.compile("tongban\\.([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)\\.v([1-9][0-9]*)");

    public EventType {
        if (flow == null || event == null || !FORM.matcher("tongban." + flow + "." + event + ".v" + version).matches()) {
            throw new IllegalArgumentException("an event type is tongban.<flow>.<event>.v<N>, in lower case");
        }
    }

    public static EventType parse(String type) {
        Matcher m = FORM.matcher(type == null ? "" : type);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a tongban event type: " + type);
        }
        return new EventType(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
    }

    /** The same event, one version on. */
    public EventType next() {
        return new EventType(flow, event, version + 1);
    }

    @Override
    public String toString() {
        return "tongban." + flow + "." + event + ".v" + version;
    }
}
