import type { PluginResult } from "../types"

/** The plugins that run in the toolchain thread. */
export type ThreadedPluginId = "eslint" | "typescript"

export type ThreadRequest =
  | {
      type: "run"
      id: number
      plugin: ThreadedPluginId
      files: Record<string, string>
      /** PluginInput's `givenTests`. */
      givenTests: readonly string[]
    }
  | { type: "warm"; id: number; plugin: ThreadedPluginId }
  | { type: "dispose" }

export type ThreadReply =
  | { id: number; ok: true; result: PluginResult }
  | { id: number; ok: false; error: { message: string; code?: string } }
