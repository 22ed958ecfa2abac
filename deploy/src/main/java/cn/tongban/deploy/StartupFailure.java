package cn.tongban.deploy;

/**
 * A part of the federation failed to start. Carries the process whose log tells why, if there is one.
 */
final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ChildProcess process;

    StartupFailure(ChildProcess process, String message) {
        super(message);
        this.process = process;
    }

    StartupFailure(String message) {
        this(null, message);
    }

    /** The failed process, or {@code null} when the failure is not one process's. */
    ChildProcess process() {
        return process;
    }
}
