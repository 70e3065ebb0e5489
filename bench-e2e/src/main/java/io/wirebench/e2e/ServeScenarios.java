package io.wirebench.e2e;

import io.wirebench.e2e.analytics.AnalyticsService;
import io.wirebench.e2e.files.FileService;
import io.wirebench.e2e.orders.FailureInjection;
import io.wirebench.e2e.orders.Inventory;
import io.wirebench.e2e.orders.InventoryService;
import io.wirebench.e2e.orders.OrderBooks;
import io.wirebench.e2e.orders.OrderGateway;
import io.wirebench.e2e.orders.OrderPipelineSettings;
import io.wirebench.e2e.orders.OrderValidationService;
import io.wirebench.e2e.orders.PaymentLedger;
import io.wirebench.e2e.orders.PaymentService;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.validation.BeanValidator;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.serve.ServeCommand;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs some or all of the scenarios' services in this process until stopped, over one transport, so the
 * pipeline can be spread over processes or hosts: e.g. the gateway here and payment, inventory and
 * validation in another process, both on the same NATS, Redis or RabbitMQ. (Over HTTP every service
 * must sit behind the one URL the clients use, so all of them run in one process.) The options every serve
 * command shares, {@code --security} and {@code --bind} among them: {@link ServeCommand}.
 */
@Command(name = "serve-scenarios", mixinStandardHelpOptions = true,
        description = "Serve the e2e scenarios' services over one transport until stopped.")
public final class ServeScenarios extends ServeCommand {

    /** A service that can be placed in a process of its own. */
    public enum Service { GATEWAY, VALIDATION, INVENTORY, PAYMENT, ANALYTICS, FILES }

    @Option(names = "--services", split = ",", description = "which to serve: ${COMPLETION-CANDIDATES} (default: all)")
    List<Service> services = new ArrayList<>(EnumSet.allOf(Service.class));

    @Option(names = "--payment-failure-rate", defaultValue = "0.05", description = "share of charge attempts declined (default: ${DEFAULT-VALUE})")
    double paymentFailureRate;

    @Override
    protected AutoCloseable register(Transport transport, RpcServer server, Codec codec) {
        OrderPipelineSettings settings = OrderPipelineSettings.defaults().withFailureRate(paymentFailureRate);
        BeanValidator validator = new BeanValidator(Clock.systemUTC(), false);
        List<AutoCloseable> opened = new ArrayList<>(List.of(validator));
        Inventory inventory = new Inventory(settings.initialStock());
        PaymentLedger ledger = new PaymentLedger(new FailureInjection(paymentFailureRate, 0));
        OrderGateway gateway = null;
        for (Service service : EnumSet.copyOf(services)) {
            switch (service) {
                case VALIDATION -> server.register(OrderValidationService.ENDPOINT, new OrderValidationService(codec, validator, StageClock.OFF));
                case INVENTORY -> new InventoryService(codec, inventory, StageClock.OFF).register(server);
                case PAYMENT -> new PaymentService(codec, ledger, StageClock.OFF).register(server);
                case GATEWAY -> {
                    RpcClient gatewayClient = transport.newClient();
                    opened.add(0, gatewayClient); // closed before the validator
                    gateway = new OrderGateway(codec, gatewayClient, settings.retry(), StageClock.OFF);
                    server.register(OrderGateway.ENDPOINT, gateway);
                }
                case ANALYTICS -> new AnalyticsService(codec).register(server);
                case FILES -> new FileService(codec).register(server);
                default -> throw new IllegalStateException("unhandled service " + service);
            }
        }
        if (gateway != null && services.contains(Service.INVENTORY) && services.contains(Service.PAYMENT)) {
            // the whole order pipeline is here: its books can be read and cleared by a benchmark elsewhere (placement=split)
            OrderBooks.serve(server, gateway, ledger, inventory);
        }
        return () -> {
            for (AutoCloseable each : opened) {
                each.close();
            }
        };
    }

    @Override
    protected String serving() {
        return services.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList().toString();
    }

    static CommandLine commandLine(ServeScenarios serve) {
        return commandLine(serve, "serve-scenarios");
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ServeScenarios()).execute(args));
    }
}
