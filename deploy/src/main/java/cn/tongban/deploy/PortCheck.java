package cn.tongban.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Tells, before anything starts, which of the federation's ports are already taken and by what, so the
 * user gets one clear message instead of a half-started federation.
 */
final class PortCheck {

    private PortCheck() {
    }

    /**
     * Describes every port of {@code ports} that cannot be bound.
     *
     * @param ports the ports needed, by the name of the process that will listen there
     * @param data  where an earlier run left pid files, to name a leftover process
     * @return one line per taken port; empty if all are free
     */
    static List<String> takenPorts(Map<String, Integer> ports, DataDirectory data) {
        List<String> problems = new ArrayList<>();
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                String process = processListeningFor(name);
                OptionalLong leftover = data.livePidOf(process);
                String owner = leftover.isPresent()
                        ? "by " + process + " of an earlier run that was not stopped (pid " + leftover.getAsLong()
                          + "): stop it with 'kill " + leftover.getAsLong() + "'"
                        : "by another program: see 'ss -ltnp sport = :" + port + "'";
                problems.add("port " + port + " (" + name + ") is in use " + owner);
            }
        });
        return problems;
    }

    /** The process (pid file name) that listens on the port of {@code name}. */
    private static String processListeningFor(String name) {
        return switch (name) {
            case "kafka", "kafka-controller" -> KafkaBroker.NAME;
            case "mongo", "simulator" -> LocalFederation.LAUNCHER;
            default -> name;
        };
    }

    /** Whether a listener can bind {@code port} on every interface (so also on the loopback one). */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
