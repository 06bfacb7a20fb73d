export { createOpenAiGenerator, detectOllama } from "./openai-generator"
export type { DetectOllamaOptions, OpenAiGeneratorOptions } from "./openai-generator"
export { PROMPTS_DIR, fillTemplate, loadPromptTemplates, renderStageMessages } from "./prompts"
export type { ChatMessage, PromptTemplateName, PromptTemplates } from "./prompts"
