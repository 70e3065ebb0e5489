package io.wirebench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.report.model.RunFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load runs with faults (the real e-commerce load result, given a fault per transport) become the
 * report's fault table: one row per fault and transport, the transports of one fault together, every
 * figure also in the CSV; a fault whose own step failed is marked; a damaged fault entry is a problem
 * naming the file, and the other files are still read.
 */
class FaultTableTest {
    @TempDir
    Path dir;

    private void loadRun(String transport, String action, double outage, boolean recovered, String errors) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root;
        try (InputStream in = getClass().getResourceAsStream("/run/load-ecommerce-nats.json")) {
            root = (ObjectNode) mapper.readTree(in);
        }
        ((ObjectNode) root.get("context")).put("transport", transport);
        ArrayNode faults = root.putArray("faults");
        ObjectNode f = faults.addObject();
        f.put("action", action).put("target", transport).put("brokeAtSeconds", 12.0).put("repairedAtSeconds", 17.0);
        if (errors == null) {
            f.putNull("errors");
        } else {
            f.put("errors", errors);
        }
        f.put("rateBeforePerSecond", 199.5).put("recovered", recovered).put("outageSeconds", outage).put("timeToRecoverSeconds", 1.0)
                .put("failuresDuringOutage", 1001).put("worstP99MicrosDuringOutage", 5_330_960.0);
        Files.writeString(dir.resolve("load-ecommerce-" + transport + "-" + action + ".json"), mapper.writeValueAsString(root));
    }

    @Test
    void eachFaultIsARowAndTheTransportsOfOneFaultSitTogether() throws IOException {
        loadRun("redis", "kill", 6.0, true, null);
        loadRun("nats", "pause", 3.0, true, null);
        loadRun("nats", "kill", 6.0, true, null);
        loadRun("http", "kill", 19.0, false, "restart: port taken");
        RunFolder run = RunFolder.read(dir);
        assertTrue(run.problems().isEmpty(), run.problems().toString());
        ReportModel model = ReportModel.of(run, List.of());
        String table = model.faults().markdown();
        List<String> rows = table.lines().skip(2).toList();
        assertEquals(4, rows.size(), table);
        assertTrue(rows.get(0).startsWith("| ecommerce | kill ⛔ restart: port taken | 5.00 | http | http | 200 | 19.0 (never recovered) |"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| ecommerce | kill | 5.00 | nats | nats | 200 | 6.00 | 1.00 | 1001 | 5,331 |"), rows.get(1));
        assertTrue(rows.get(2).contains("| redis |"), rows.get(2));
        assertTrue(rows.get(3).startsWith("| ecommerce | pause |"), rows.get(3));
        assertTrue(MarkdownReport.render(model).contains("## What each fault cost, by transport"));
        String csv = CsvReport.render(run);
        assertTrue(csv.contains(",fault0.kill.redis.outage,6.0,,,,,s,"), csv);
        assertTrue(csv.contains(",fault0.pause.nats.worstP99InOutage,5330960.0,,,,,us,"), csv);
    }

    @Test
    void aDamagedFaultEntryIsAProblemNamingTheFile() throws IOException {
        loadRun("nats", "kill", 6.0, true, null);
        Path damaged = dir.resolve("load-ecommerce-nats-kill.json");
        Files.writeString(damaged, Files.readString(damaged).replace("\"outageSeconds\"", "\"outage\""));
        loadRun("redis", "kill", 6.0, true, null);
        RunFolder run = RunFolder.read(dir);
        assertEquals(1, run.problems().size(), run.problems().toString());
        assertTrue(run.problems().get(damaged).contains("faults[0] without 'outageSeconds'"), run.problems().toString());
        assertEquals(1, run.loads().size(), "the other file is still read");
    }
}
