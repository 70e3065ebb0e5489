package io.wirebench.e2e;

import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.e2e.files.FileService;
import io.wirebench.e2e.orders.FailureInjection;
import io.wirebench.e2e.orders.Inventory;
import io.wirebench.e2e.orders.InventoryService;
import io.wirebench.e2e.orders.OrderGateway;
import io.wirebench.e2e.orders.OrderPipelineSettings;
import io.wirebench.e2e.orders.OrderValidationService;
import io.wirebench.e2e.orders.PaymentLedger;
import io.wirebench.e2e.orders.PaymentService;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.validation.BeanValidator;
import io.wirebench.transport.CallerAccessFiles;
import io.wirebench.transport.ExposureOptions;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.RunSecrets;
import io.wirebench.transport.StopSignal;
import io.wirebench.transport.Security;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs some or all of the scenarios' services in this process until stopped, over one transport, so the
 * pipeline can be spread over processes or hosts: e.g. the gateway here and payment, inventory and
 * validation in another process, both on the same NATS, Redis or RabbitMQ. (Over HTTP every service
 * must sit behind the one URL the clients use, so all of them run in one process.) {@code --security} and
 * {@code --bind} work as for {@code scripts/serve} ({@link ExposureOptions}, {@link CallerAccessFiles}).
 */
@Command(name = "serve-scenarios", mixinStandardHelpOptions = true,
        description = "Serve the e2e scenarios' services over one transport until stopped.")
public final class ServeScenarios implements Callable<Integer> {

    /** A service that can be placed in a process of its own. */
    public enum Service { GATEWAY, VALIDATION, INVENTORY, PAYMENT, ANALYTICS, FILES }

    @Option(names = "--transport", required = true, completionCandidates = Transports.Names.class, description = "one of: ${COMPLETION-CANDIDATES}")
    String transport;

    @Option(names = "--url", description = "an existing broker (nats://, redis://, amqp://); default: start a managed one here")
    String url;

    @Option(names = "--codec", defaultValue = "json", description = "must match the callers' codec (default: ${DEFAULT-VALUE})")
    String codec;

    @Option(names = "--services", split = ",", description = "which to serve: ${COMPLETION-CANDIDATES} (default: all)")
    List<Service> services = new ArrayList<>(EnumSet.allOf(Service.class));

    @Option(names = "--payment-failure-rate", defaultValue = "0.05", description = "share of charge attempts declined (default: ${DEFAULT-VALUE})")
    double paymentFailureRate;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0: until Ctrl-C)")
    long seconds;

    @Mixin
    ExposureOptions exposure;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final StopSignal stopped = new StopSignal();

    /** Ends the serving (as Ctrl-C does), for a caller that runs this command in its own JVM. */
    void stop() {
        stopped.stop();
    }

    @Override
    public Integer call() throws Exception {
        Codec codecImpl = Codecs.byName(codec);
        OrderPipelineSettings settings = OrderPipelineSettings.defaults().withFailureRate(paymentFailureRate);
        TransportSettings transportSettings = exposure.applyTo(TransportSettings.defaults().withExternalUrl(url), url);
        java.io.PrintWriter out = spec.commandLine().getOut();
        try (Transport impl = Transports.byName(transport, transportSettings);
             RpcServer server = impl.newServer();
             CallerAccessFiles access = CallerAccessFiles.write(url == null ? transportSettings.security() : Security.NONE);
             BeanValidator validator = new BeanValidator(Clock.systemUTC(), false)) {
            RpcClient gatewayClient = null;
            for (Service service : EnumSet.copyOf(services)) {
                switch (service) {
                    case VALIDATION -> server.register(OrderValidationService.ENDPOINT,
                            new OrderValidationService(codecImpl, validator, StageClock.OFF));
                    case INVENTORY -> new InventoryService(codecImpl, new Inventory(settings.initialStock()), StageClock.OFF).register(server);
                    case PAYMENT -> new PaymentService(codecImpl, new PaymentLedger(new FailureInjection(paymentFailureRate, 0)), StageClock.OFF)
                            .register(server);
                    case GATEWAY -> {
                        gatewayClient = impl.newClient();
                        server.register(OrderGateway.ENDPOINT, new OrderGateway(codecImpl, gatewayClient, settings.retry(), StageClock.OFF));
                    }
                    case ANALYTICS -> new AnalyticsService(codecImpl).register(server);
                    case FILES -> new FileService(codecImpl).register(server);
                    default -> throw new IllegalStateException("unhandled service " + service);
                }
            }
            exposure.print(out, impl, url, access);
            out.println("serving " + services.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList() + " with codec " + codec
                    + (seconds > 0 ? " for " + seconds + " s" : "; Ctrl-C to stop"));
            out.flush();
            try {
                stopped.await(seconds);
            } finally {
                if (gatewayClient != null) {
                    gatewayClient.close();
                }
            }
        }
        return 0;
    }

    /** The command line for {@code serve-scenarios}: a failure prints one line, masked, and exits with 2. */
    static CommandLine commandLine(ServeScenarios serve) {
        CommandLine cli = new CommandLine(serve).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("serve-scenarios: " + RunSecrets.mask(e.getMessage()));
            return 2;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ServeScenarios()).execute(args));
    }
}
