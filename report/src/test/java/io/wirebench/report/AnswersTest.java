package io.wirebench.report;

import io.wirebench.report.claims.Claims;
import io.wirebench.report.model.FigureTest;
import io.wirebench.report.model.JmhResult;
import io.wirebench.report.model.RunFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report opens with what the run found, in sentences with their figures and intervals, in both formats; a smoke
 * run's figures (one fork) never reach a ratio or an answer.
 */
class AnswersTest {
    static final Path CLAIMS_RUN = Path.of("../results/claims");
    static final Path CLAIMS = Path.of("../config/claims.yaml");

    @Test
    void theCommittedClaimsRunAnswersWhichTransportIsFasterAndByHowMuch() {
        RunFolder run = RunFolder.read(CLAIMS_RUN);
        List<Claims.Answer> claims = Claims.read(CLAIMS).check(run);
        List<String> answers = Answers.of(run, claims);
        String http = answers.stream().filter(a -> a.startsWith("**faster-than-http**")).findFirst().orElseThrow();
        assertTrue(http.startsWith("**faster-than-http** REFUTED, robust to the harness: \"2-5x better performance than HTTP-based alternatives"), http);
        assertTrue(http.contains("does not hold here; at shape=small t=1, http 130 [126, 135] us/op and nats 302 [244, 360] us/op: "
                + "http / nats = 0.43x [0.37, 0.51], so http is 2.3x faster [2.0, 2.7]."), http);
        assertTrue(answers.contains("At one caller, the round trip of a small order takes (p50, fastest first): http 123 [118, 128] us/op, "
                + "nats 283 [235, 332] us/op ⏳ slowing down."), answers.toString());
        assertTrue(answers.stream().anyMatch(a -> a.startsWith("Not answered: the cheapest codec (this run has no")), answers.toString());

        ReportModel model = ReportModel.of(run, claims);
        String md = MarkdownReport.render(model);
        assertTrue(md.startsWith("# wirebench report: claims\n\n## Answers\n\n- **sub-ms-rpc** SUPPORTED"), md.substring(0, 200));
        assertTrue(md.contains("\n- " + http + "\n"), "every answer a bullet");
        String html = HtmlReport.render(model);
        int answersAt = html.indexOf("<h2>Answers</h2>");
        assertTrue(answersAt > 0 && answersAt < html.indexOf("<h2>Claims</h2>"), "the answers first");
        assertTrue(html.contains("<li><b>faster-than-http</b> REFUTED, robust to the harness: &quot;2-5x better"), html.substring(answersAt, answersAt + 400));
    }

    /** One fork each, as the quick profile runs them: the figures are in the tables, but no claim and no answer reads them. */
    @Test
    void aSmokeRunsFiguresNeverReachARatioOrAnAnswer() {
        JmhResult http = FigureTest.forks("http", "us/op", 1, null, 120);
        JmhResult nats = FigureTest.forks("nats", "us/op", 1, null, 280);
        RunFolder run = new RunFolder(Path.of("smoke"), Map.of("bench-transport", List.of(http, nats)), List.of(), List.of(), List.of(), "", Map.of());
        List<Claims.Answer> claims = Claims.read(CLAIMS).check(run);
        Claims.Answer faster = claims.stream().filter(a -> a.claim().id().equals("faster-than-http")).findFirst().orElseThrow();
        assertEquals(Claims.Verdict.INCONCLUSIVE, faster.verdict());
        assertTrue(faster.evidence().contains("shape=small t=1: no ratio (no interval: 1 fork, under 3): INCONCLUSIVE"), faster.evidence().toString());
        assertFalse(String.join(" ", faster.evidence()).contains("0.43x"), "the one-fork ratio 120/280 is never printed: " + faster.evidence());
        List<String> answers = Answers.of(run, claims);
        assertTrue(answers.stream().noneMatch(a -> a.contains("120") || a.contains("280")), "no answer quotes a smoke figure: " + answers);
        assertTrue(answers.contains("Not answered: each transport's latency at one caller (this run has no RoundTripBenchmark.roundTrip at that point)."),
                answers.toString());
    }

    /** The quick profile's smoke run and its headline both hold HTTP's small round trip at one caller: the headline's stands. */
    @Test
    void aSmokeFigureNeverShadowsAResultAndSitsInASectionOfItsOwn() {
        JmhResult smoke = FigureTest.forks("http", "us/op", 1, null, 120);
        JmhResult measured = FigureTest.forks("http", "us/op", 1, null, 100, 110, 120);
        JmhResult onlySmoke = FigureTest.forks("redis", "us/op", 1, null, 150);
        RunFolder run = new RunFolder(Path.of("quick"), Map.of("bench-transport-smoke", List.of(smoke, onlySmoke), "bench-transport-headline",
                List.of(measured)), List.of(), List.of(), List.of(), "", Map.of());
        assertEquals(List.of(measured, onlySmoke).size(), run.allJmh().size());
        assertTrue(run.allJmh().contains(measured) && !run.allJmh().contains(smoke), "the result with more forks stands");
        ReportModel model = ReportModel.of(run, List.of());
        assertEquals(1, model.smoke().size(), "the smoke figures in a section of their own");
        assertTrue(model.smoke().get(0).baseline() == null, "no ratio column among smoke figures");
        String md = MarkdownReport.render(model);
        assertTrue(md.contains("## Smoke runs (smoke: not a result)") && md.contains("150 (1 fork, under 3, no interval)"), md);
        assertFalse(md.contains("150 (1 fork, under 3, no interval) | 1.") || md.contains("x (no interval)"), "no ratio of a smoke figure: " + md);
    }
}
