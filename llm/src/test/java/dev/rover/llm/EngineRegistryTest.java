package dev.rover.llm;

import dev.rover.core.engine.Engine;

import dev.rover.llm.fake.FakeProvider;
import dev.rover.llm.fake.TestConfigs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineRegistryTest {

    @Test
    void skyvernNamesMapToTheLlmEngine() {
        try (FakeProvider provider = FakeProvider.start(FakeProvider.Protocol.OPENAI)) {
            EngineRegistry registry = EngineRegistry.defaults(TestConfigs.openAi(provider).build());
            assertThat(registry.names()).containsExactly("llm", "skyvern-1.0", "skyvern-2.0", "skyvern_v1", "skyvern_v2");
            for (String name : registry.names()) {
                try (Engine engine = registry.create(name)) {
                    assertThat(engine).isInstanceOf(LlmEngine.class);
                    assertThat(engine.name()).isEqualTo("llm");
                }
            }
            assertThat(registry.knows(" Skyvern-2.0 ")).isTrue();
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        EngineRegistry registry = new EngineRegistry().register("offline", () -> null);
        registry.alias("skyvern-1.0", "llm");
        assertThatThrownBy(() -> registry.create("gpt-engine"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown engine 'gpt-engine'; known engines: offline");
        assertThatThrownBy(() -> registry.create("skyvern-1.0"))
                .hasMessage("unknown engine 'skyvern-1.0'; known engines: offline");
        assertThatThrownBy(() -> registry.create(" ")).hasMessage("an engine name cannot be blank");
    }

    @Test
    void registeredSupplierIsCalledPerCreate() {
        int[] created = {0};
        EngineRegistry registry = new EngineRegistry().register("counting", () -> {
            created[0]++;
            return null;
        });
        registry.create("counting");
        registry.create("COUNTING");
        assertThat(created[0]).isEqualTo(2);
    }
}
