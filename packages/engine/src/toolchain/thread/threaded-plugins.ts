import { Worker } from "node:worker_threads"
import { eslintManifest } from "../eslint"
import type { TypeScriptCheckerOptions } from "../typescript-checker"
import { typescriptManifest } from "../typescript"
import type { PluginInput, PluginManifest, PluginResult, ToolchainPlugin } from "../types"
import type { ThreadReply, ThreadRequest, ThreadedPluginId } from "./protocol"

export interface ThreadedPluginsOptions {
  typescript?: TypeScriptCheckerOptions
  /** Warm the tools (load them and run a first check) as soon as their thread starts (default true). */
  warm?: boolean
  /**
   * One thread per plugin, so lint and type-check run at the same time (default false: one thread, less memory).
   * Worth it for a one-shot run on an otherwise idle core; a server keeps both warm in one thread.
   */
  threadPerPlugin?: boolean
}

const MANIFESTS: Record<ThreadedPluginId, PluginManifest> = {
  eslint: eslintManifest,
  typescript: typescriptManifest,
}

/**
 * ESLint and the TypeScript checker in worker threads, as toolchain plugins: their CPU-heavy work never blocks the
 * thread that serves the sandbox and the sockets. Threads start at once; pass the plugins to `createToolchainRegistry`.
 */
export function createThreadedPlugins(
  options: ThreadedPluginsOptions = {},
): Record<ThreadedPluginId, ToolchainPlugin> {
  const groups: ThreadedPluginId[][] = options.threadPerPlugin
    ? [["eslint"], ["typescript"]]
    : [["eslint", "typescript"]]
  const plugins: Partial<Record<ThreadedPluginId, ToolchainPlugin>> = {}
  for (const ids of groups) {
    const thread = startToolchainThread(ids, options)
    for (const id of ids) plugins[id] = thread.plugin(id)
  }
  return plugins as Record<ThreadedPluginId, ToolchainPlugin>
}

type Request = Extract<ThreadRequest, { id: number }>
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never

function startToolchainThread(ids: ThreadedPluginId[], options: ThreadedPluginsOptions) {
  const worker = new Worker(new URL("./toolchain-thread-entry.mjs", import.meta.url), {
    workerData: { plugins: ids, typescript: options.typescript, warm: options.warm ?? true },
  })
  // An idle thread must not keep a finished CLI alive; a pending request holds it (see `request`).
  worker.unref()
  let nextId = 0
  let exited: Error | undefined
  const pending = new Map<
    number,
    { resolve: (result: PluginResult) => void; reject: (error: Error) => void }
  >()
  worker.on("message", (reply: ThreadReply) => {
    const waiting = pending.get(reply.id)
    if (!waiting) return
    pending.delete(reply.id)
    if (reply.ok) waiting.resolve(reply.result)
    else waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }))
  })
  const failAll = (error: Error) => {
    exited = error
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  worker.on("error", (error) => failAll(error))
  worker.on("exit", (code) => failAll(new Error(`the toolchain thread exited (code ${code})`)))

  let disposed = false
  const request = (message: RequestBody): Promise<PluginResult> => {
    if (exited) return Promise.reject(exited)
    if (disposed) return Promise.reject(new Error("the toolchain thread was disposed"))
    const id = nextId++
    worker.ref()
    return new Promise<PluginResult>((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ ...message, id })
    }).finally(() => {
      if (pending.size === 0) worker.unref()
    })
  }
  const dispose = async () => {
    if (disposed || exited) return
    disposed = true
    await worker.terminate()
  }
  return {
    plugin: (id: ThreadedPluginId): ToolchainPlugin => ({
      manifest: MANIFESTS[id],
      warmUp: async () => {
        await request({ type: "warm", plugin: id })
      },
      run: ({ files, givenTests, signal }: PluginInput) => {
        if (signal?.aborted) return Promise.reject(signal.reason ?? new Error("aborted"))
        return request({ type: "run", plugin: id, files, givenTests: givenTests ?? [] })
      },
      dispose,
    }),
  }
}
