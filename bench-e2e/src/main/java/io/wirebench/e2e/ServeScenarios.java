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
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs some or all of the scenarios' services in this process until stopped, over one transport, so the
 * pipeline can be spread over processes or hosts: e.g. the gateway here and payment, inventory and
 * validation in another process, both on the same NATS, Redis or RabbitMQ. (Over HTTP every service
 * must sit behind the one URL the clients use, so all of them run in one process.)
 */
@Command(name = "serve-scenarios", mixinStandardHelpOptions = true,
        description = "Serve the e2e scenarios' services over one transport until stopped.")
public final class ServeScenarios implements Callable<Integer> {

    /** A service that can be placed in a process of its own. */
    public enum Service { GATEWAY, VALIDATION, INVENTORY, PAYMENT, ANALYTICS, FILES }

    @Option(names = "--transport", required = true, description = "nats, http, redis or rabbitmq")
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

    @Override
    public Integer call() throws Exception {
        Codec codecImpl = Codecs.byName(codec);
        OrderPipelineSettings settings = OrderPipelineSettings.defaults().withFailureRate(paymentFailureRate);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Transport impl = Transports.byName(transport, TransportSettings.defaults().withExternalUrl(url));
             RpcServer server = impl.newServer();
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
            for (Map.Entry<String, String> entry : impl.describe().entrySet()) {
                System.out.println(entry.getKey() + ": " + entry.getValue());
            }
            System.out.println("serving " + services.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList() + " with codec " + codec
                    + (seconds > 0 ? " for " + seconds + " s" : "; Ctrl-C to stop"));
            System.out.flush();
            Thread hook = new Thread(stopped::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (seconds > 0) {
                    stopped.await(seconds, TimeUnit.SECONDS);
                } else {
                    stopped.await();
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
                if (gatewayClient != null) {
                    gatewayClient.close();
                }
            }
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new ServeScenarios()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("serve-scenarios: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
