package dev.rover.llm.cua;

import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.llm.resilience.ResilienceSettings;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Screenshots, requests and fast resilience for the computer-use wire tests. */
final class CuaTestSupport {

    static final ResilienceSettings FAST = ResilienceSettings.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
            .jitter(0).breakerFailures(50).build();

    private CuaTestSupport() {
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff00ff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static DecideRequest request(String goal, byte[] png, List<ActionRecord> history) {
        return request(goal, png, history, Map.of());
    }

    static DecideRequest request(String goal, byte[] png, List<ActionRecord> history, Map<String, String> errorCodes) {
        return new DecideRequest(goal, null, null, errorCodes, Map.of(), PageSnapshot.of("http://127.0.0.1/page", "Page", List.of(),
                PageContent.EMPTY), List.of(png), history, false, null);
    }

    /**
     * The history after the agent loop performed the decision's actions: all of them successfully when no results
     * are given, else as many as there are results (the loop stops at the first failure).
     */
    static List<ActionRecord> performed(List<ActionRecord> before, int step, Decision decision, ActionResult... results) {
        List<ActionRecord> all = new ArrayList<>(before);
        int count = results.length == 0 ? decision.actions().size() : results.length;
        for (int i = 0; i < count; i++) {
            PlannedAction a = decision.actions().get(i);
            all.add(new ActionRecord(step, a.action(), a.reasoning(), results.length == 0 ? ActionResult.ok() : results[i]));
        }
        return all;
    }
}
