package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.transport.server.FaultTarget;
import io.wirebench.transport.Transport;
import io.wirebench.transport.Transports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Carries out a load run's faults against the transport's managed server (or the HTTP service), on their own thread, at their
 * times from the start of the run, and records when each step actually happened (seconds from the run's
 * start) or why it failed. Whatever it broke it repairs on {@link #close()} (bounded), so a run never
 * ends with a paused or dead server.
 */
public final class FaultSchedule implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-schedule");
        t.setDaemon(true);
        return t;
    });
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    /** What each fault in effect needs to undo it, by fault (identity: two equal entries are two faults). */
    private final Map<Fault, Runnable> repairs = Collections.synchronizedMap(new IdentityHashMap<>());
    private long startNanos;

    /** What happened: {@code step} "kill", "restart", "pause", "resume", "slow", "normal"; NaN-free times in seconds from the run's start. */
    public record Event(Fault fault, String step, double atSeconds, String error) {
    }

    /** The managed server a fault may target over this transport, or an error naming why there is none. */
    static FaultTarget serverOf(Transport transport, String target) {
        String own = Transports.provider(transport.name()).faultTarget();
        if (!target.equals(own)) {
            throw new IllegalArgumentException("fault target '" + target + "' is not the server of transport '" + transport.name()
                    + "'; over " + transport.name() + " the target can be: " + (own == null ? "(none: it has no server)" : own));
        }
        FaultTarget server = transport.faultTarget();
        if (server == null) {
            throw new IllegalArgumentException("fault target '" + target + "': the transport uses an external server (or none was started),"
                    + " which the suite does not kill");
        }
        return server;
    }

    /** Refuses, before the run, a fault this transport or scenario cannot carry out, naming why. */
    static void check(Fault fault, Transport transport, ServiceDelays services) {
        stepsOf(fault, transport, services);
    }

    /** Schedules every fault at {@code rampSeconds + at} from now, the run's start. */
    public void start(List<Fault> faults, Transport transport, ServiceDelays services, double rampSeconds) {
        start(faults, transport, services, rampSeconds, System.nanoTime());
    }

    /** As {@link #start(List, Transport, ServiceDelays, double)}, for a run that starts at {@code runStartNanos} (now or later). */
    public void start(List<Fault> faults, Transport transport, ServiceDelays services, double rampSeconds, long runStartNanos) {
        startNanos = runStartNanos;
        long wait = Math.max(0, runStartNanos - System.nanoTime());
        for (Fault fault : faults) {
            long breakAt = wait + (long) ((rampSeconds + fault.at()) * 1e9);
            long repairAt = wait + (long) ((rampSeconds + fault.at() + fault.duration()) * 1e9);
            Steps steps = stepsOf(fault, transport, services);
            timer.schedule(() -> step(fault, steps.breakStep(), steps.breakIt(), () -> repairs.put(fault, steps.repair())), breakAt,
                    TimeUnit.NANOSECONDS);
            timer.schedule(() -> step(fault, steps.repairStep(), steps.repair(), () -> repairs.remove(fault)), repairAt, TimeUnit.NANOSECONDS);
        }
    }

    /** A fault's two steps, by name: the one that breaks something and the one that repairs it. */
    private record Steps(String breakStep, Runnable breakIt, String repairStep, Runnable repair) {
    }

    private static Steps stepsOf(Fault fault, Transport transport, ServiceDelays services) {
        if (fault.action().equals("slow")) {
            if (!services.services().contains(fault.target())) {
                throw new IllegalArgumentException("slow fault target '" + fault.target() + "' is not a service of this scenario; its services are: "
                        + String.join(", ", services.services()));
            }
            Duration delay = Duration.ofNanos((long) (fault.delayMs() * 1e6));
            return new Steps("slow", () -> services.slow(fault.target(), delay), "normal", () -> services.normal(fault.target()));
        }
        FaultTarget server = serverOf(transport, fault.target());
        return switch (fault.action()) {
            case "kill" -> new Steps("kill", server::kill, "restart", server::restart);
            case "pause" -> new Steps("pause", server::pause, "resume", server::resume);
            default -> throw new IllegalArgumentException("unknown fault action '" + fault.action() + "'; known: kill, pause, slow");
        };
    }

    private void step(Fault fault, String step, Runnable action, Runnable after) {
        double at = (System.nanoTime() - startNanos) / 1e9;
        try {
            action.run();
            after.run();
            events.add(new Event(fault, step, at, null));
            System.out.printf(Locale.ROOT, "fault: %s %s at %.1f s%n", step, fault.target(), at);
        } catch (RuntimeException e) {
            events.add(new Event(fault, step, at, String.valueOf(e.getMessage())));
            System.out.printf(Locale.ROOT, "fault: %s %s at %.1f s FAILED: %s%n", step, fault.target(), at, e.getMessage());
        }
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> pending;
        synchronized (repairs) {
            pending = List.copyOf(repairs.values());
            repairs.clear();
        }
        for (Runnable repair : pending) {
            try {
                repair.run();
            } catch (RuntimeException ignored) {
                // the transport's close stops the server in any case
            }
        }
    }
}
