package dev.rover.llm.cua;

import dev.rover.llm.EngineRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration of the computer-use engines from the environment, and what happens without it. */
class CuaSettingsTest {

    @Test
    void anUnconfiguredEngineIsKnownButRefusedNamingTheVariablesToSet() {
        EngineRegistry registry = ComputerUseEngines.register(new EngineRegistry(), Map.of(), Map.of());

        assertThat(registry.knows("anthropic_cua")).isTrue();
        assertThat(registry.whyUnavailable("anthropic_cua")).hasValueSatisfying(m -> assertThat(m).contains("ANTHROPIC_API_KEY"));
        assertThat(registry.whyUnavailable("openai_cua")).hasValueSatisfying(m -> assertThat(m).contains("OPENAI_API_KEY"));
        assertThat(registry.whyUnavailable("ui_tars")).hasValueSatisfying(m -> assertThat(m).contains("ROVER_UI_TARS_BASE_URL"));
        assertThatThrownBy(() -> registry.create("ui_tars")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine ui_tars is not configured: set ROVER_UI_TARS_BASE_URL");
    }

    @Test
    void theEnvironmentConfiguresEachEngineAndTheKeyNeverShows() {
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-ant-secret-value", "ROVER_ANTHROPIC_CUA_TOOL", "computer_20251124",
                "ROVER_UI_TARS_BASE_URL", "http://gpu:8000/v1/", "ROVER_UI_TARS_COORDINATES", "relative",
                "OPENAI_API_KEY", "sk-x", "ROVER_OPENAI_CUA_ACKNOWLEDGE_SAFETY_CHECKS", "true", "ROVER_LLM_TIMEOUT_SECONDS", "30");
        CuaSettings anthropic = CuaSettings.fromEnvironment(CuaKind.ANTHROPIC, env);
        assertThat(anthropic.anthropicBeta()).isEqualTo("computer-use-2025-11-24");
        assertThat(anthropic.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(anthropic.timeout()).hasSeconds(30);
        assertThat(anthropic.toString()).doesNotContain("secret-value");
        CuaSettings tars = CuaSettings.fromEnvironment(CuaKind.UI_TARS, env);
        assertThat(tars.baseUrl()).isEqualTo("http://gpu:8000/v1");
        assertThat(tars.uiTarsCoordinates()).isEqualTo(CuaSettings.UiTarsCoordinates.RELATIVE_1000);
        assertThat(CuaSettings.fromEnvironment(CuaKind.OPENAI, env).acknowledgeSafetyChecks()).isTrue();

        EngineRegistry registry = ComputerUseEngines.register(new EngineRegistry(), env, Map.of());
        assertThat(registry.whyUnavailable("anthropic_cua")).isEmpty();
        assertThat(registry.create("ui_tars").name()).isEqualTo("ui_tars");
    }

    @Test
    void malformedVariablesAreNamed() {
        assertThatThrownBy(() -> CuaSettings.fromEnvironment(CuaKind.UI_TARS, Map.of("ROVER_UI_TARS_BASE_URL", "http://x",
                "ROVER_UI_TARS_COORDINATES", "pixels"))).hasMessageContaining("ROVER_UI_TARS_COORDINATES");
        assertThatThrownBy(() -> CuaSettings.fromEnvironment(CuaKind.ANTHROPIC, Map.of("ANTHROPIC_API_KEY", "k",
                "ROVER_ANTHROPIC_CUA_TOOL", "computer-latest"))).hasMessageContaining("computer_20250124");
    }

    @Test
    void uiTarsSmartResizeMatchesTheServersImageProcessor() {
        assertThat(UiTarsGrammar.resized(new dev.rover.core.page.Screen(1280, 720))).containsExactly(1288, 728);
        assertThat(UiTarsGrammar.resized(new dev.rover.core.page.Screen(3840, 2160))).containsExactly(3836, 2156);
        assertThat(UiTarsGrammar.resized(new dev.rover.core.page.Screen(5120, 2880))).containsExactly(4760, 2688);
        assertThat(UiTarsGrammar.resized(new dev.rover.core.page.Screen(100, 100))).containsExactly(280, 280);
    }
}
