package dev.rover.blocks.types;

import dev.rover.core.exec.RunServices;
import dev.rover.core.page.RunBrowser;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.page.ActionResult;

import java.util.Map;

/** {@code goto_url}: opens a URL in the run's browser and completes. */
public final class GotoUrlBlock implements BlockType {

    @Override
    public String type() {
        return "goto_url";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        String url = block.string("url").map(String::trim).orElse("");
        if (url.isEmpty()) {
            return BlockResult.failed("goto_url block '" + block.label() + "' has an empty url");
        }
        RunServices runtime = context.services();
        RunBrowser browser = runtime.browser();
        ActionResult r = browser.navigate(url);
        return r.success() ? BlockResult.completed(Map.of("url", runtime.secrets().redact(browser.currentUrl())))
                : BlockResult.failed(runtime.secrets().redact(BlockSupport.openFailure(url, r.failureReason())));
    }
}
