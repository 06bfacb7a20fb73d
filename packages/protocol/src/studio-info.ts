import { z } from "zod"

/** What writes the code on this studio: the model server's provider and model, or the offline generator. */
export const generatorInfoSchema = z.object({
  /** "offline", "openai", "ollama", ... as `run_started.provider` names it. */
  provider: z.string(),
  /** The model's name; the offline generator's recipe set (e.g. "recipes-v1") when `offline`. */
  model: z.string(),
  /** No model is configured: the embedded recipe engine writes the components. */
  offline: z.boolean(),
  /**
   * Where runs execute. "this-server": in this process, on this generator. "workers": on the shared queue's workers
   * (STUDIO_QUEUE=redis), each configured on its own host; this is what this instance's own settings name, and each
   * run records the generator that actually wrote it.
   */
  runsOn: z.enum(["this-server", "workers"]),
})
export type GeneratorInfo = z.infer<typeof generatorInfoSchema>

/** `GET /api/studio`: facts about this studio that the web app shows (the top bar's generator badge). */
export const studioInfoSchema = z.object({ generator: generatorInfoSchema })
export type StudioInfo = z.infer<typeof studioInfoSchema>
