import { z } from "zod"

/** Messages the preview page posts (see the engine's preview bridge); parsed before use like any outside data. */
export const previewMessageSchema = z.discriminatedUnion("type", [
  z.object({ source: z.literal("studio-preview"), type: z.literal("ready") }),
  z.object({ source: z.literal("studio-preview"), type: z.literal("rendered"), id: z.number() }),
  z.object({
    source: z.literal("studio-preview"),
    type: z.literal("error"),
    message: z.string().max(4000),
    stack: z.string().max(8000).optional(),
  }),
])
export type PreviewMessage = z.infer<typeof previewMessageSchema>

export type StudioToPreview =
  | { source: "studio"; type: "render"; id: number; props: Record<string, unknown> }
  | { source: "studio"; type: "theme"; theme: "light" | "dark" }

/**
 * Accepts a message only from our own frame: its window is the frame's, and its origin is the opaque "null" of a page
 * in a frame sandboxed without `allow-same-origin` (anything else means the frame navigated somewhere it should not
 * be).
 */
export function readPreviewMessage(
  event: MessageEvent,
  frame: Window | null | undefined,
): PreviewMessage | null {
  if (!frame || event.source !== frame || event.origin !== "null") return null
  const parsed = previewMessageSchema.safeParse(event.data)
  return parsed.success ? parsed.data : null
}
