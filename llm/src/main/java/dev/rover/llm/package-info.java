/**
 * Engines behind core's Engine interface: the LangChain4j-backed LLM engine (OpenAI and compatible
 * servers, Anthropic, Ollama), its configuration, the engine registry, and the offline engine
 * (package offline). It never sees the browser module.
 */
package dev.rover.llm;
