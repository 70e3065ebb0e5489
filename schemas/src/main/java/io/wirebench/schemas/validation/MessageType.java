package io.wirebench.schemas.validation;

import io.wirebench.schemas.model.AnalyticsEvent;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.FileManifest;
import io.wirebench.schemas.model.InventoryReservation;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The top-level messages of the wire contract, each with its JSON Schema file. */
public enum MessageType {
    ORDER(Order.class, "order.schema.json"),
    INVENTORY_RESERVATION(InventoryReservation.class, "inventory-reservation.schema.json"),
    ANALYTICS_EVENT(AnalyticsEvent.class, "analytics-event.schema.json"),
    EVENT_BATCH(EventBatch.class, "event-batch.schema.json"),
    FILE_MANIFEST(FileManifest.class, "file-manifest.schema.json"),
    FILE_CHUNK(FileChunk.class, "file-chunk.schema.json"),
    ORDER_RECEIPT(OrderReceipt.class, "order-receipt.schema.json");

    private final Class<?> javaType;
    private final String schemaFile;

    MessageType(Class<?> javaType, String schemaFile) {
        this.javaType = javaType;
        this.schemaFile = schemaFile;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** File name under {@code schemas/} on the classpath (and in {@code schemas/src/main/resources/schemas/}). */
    public String schemaFile() {
        return schemaFile;
    }

    public static MessageType of(Class<?> javaType) {
        for (MessageType type : values()) {
            if (type.javaType == javaType) {
                return type;
            }
        }
        throw new IllegalArgumentException(javaType.getName() + " is not a top-level message; known: "
                + Arrays.stream(values()).map(t -> t.javaType.getSimpleName()).collect(Collectors.joining(", ")));
    }
}
