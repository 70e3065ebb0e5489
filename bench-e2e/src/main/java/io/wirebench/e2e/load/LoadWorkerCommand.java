package io.wirebench.e2e.load;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/load-worker --control nats://HOST:PORT [--name NAME]}: one load generator joining a
 * distributed run ({@link LoadWorker}). It waits for a coordinator ({@code scripts/load --workers N
 * --control ...}) to admit it, runs its share and exits: 0 when its result was delivered, 2 when it could
 * not join or run.
 */
@Command(name = "load-worker", mixinStandardHelpOptions = true, description = "Join a distributed load run as one of its generators.")
public final class LoadWorkerCommand implements Callable<Integer> {

    @Option(names = "--control", required = true, description = "the control plane's NATS URL, e.g. nats://10.0.0.5:4222 (credentials in it if the server wants them)")
    String control;

    @Option(names = "--name", description = "how the run's result names this worker (default: host-pid)")
    String name;

    @Override
    public Integer call() throws Exception {
        String me = name != null ? name : LoadWorker.host() + "-" + ProcessHandle.current().pid();
        try (LoadWorker worker = new LoadWorker(control, me)) {
            LoadProtocol.Done done = worker.run(System.out::println);
            System.out.printf(Locale.ROOT, "worker %s: %d scheduled, %d succeeded, sender at most %.1f ms behind%n", me, done.scheduled(),
                    done.succeeded(), done.maxSendLagMillis());
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new LoadWorkerCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("load-worker: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
