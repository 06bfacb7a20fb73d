// Runs inside the toolchain worker thread: ESLint and the TypeScript checker, kept warm, answering one request at a
// time. Their CPU-heavy work (seconds when cold) then never blocks the thread that serves the sandbox and sockets.
import { parentPort, workerData } from "node:worker_threads"
import { createEslintPlugin } from "../eslint"
import { createTypeScriptPlugin } from "../typescript"
import type { TypeScriptCheckerOptions } from "../typescript-checker"
import type { PluginResult, ToolchainPlugin } from "../types"
import type { ThreadReply, ThreadRequest, ThreadedPluginId } from "./protocol"

const options = (workerData ?? {}) as {
  plugins: ThreadedPluginId[]
  typescript?: TypeScriptCheckerOptions
  warm: boolean
}
const create: Record<ThreadedPluginId, () => ToolchainPlugin> = {
  eslint: () => createEslintPlugin(),
  typescript: () => createTypeScriptPlugin(options.typescript),
}
const plugins: Partial<Record<ThreadedPluginId, ToolchainPlugin>> = {}
for (const id of options.plugins) plugins[id] = create[id]()

let queue: Promise<unknown> = Promise.resolve()
const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
  const next = queue.then(work)
  queue = next.catch(() => undefined)
  return next
}

// Warm the tools now, before the first request, so their loading overlaps whatever the main thread is doing.
if (options.warm) {
  for (const plugin of Object.values(plugins))
    void inOrder(() => plugin.warmUp?.() ?? Promise.resolve()).catch(() => undefined)
}

parentPort?.on("message", (request: ThreadRequest) => {
  if (request.type === "dispose") {
    void inOrder(async () => {
      await Promise.allSettled(Object.values(plugins).map((plugin) => plugin.dispose?.()))
      parentPort?.close()
    })
    return
  }
  void inOrder(async () => {
    let reply: ThreadReply
    try {
      const plugin = plugins[request.plugin]
      if (!plugin) throw new Error(`${request.plugin} does not run in this thread`)
      const result: PluginResult =
        request.type === "warm"
          ? (await plugin.warmUp?.(), { diagnostics: [], durationMs: 0 })
          : await plugin.run({ files: request.files, givenTests: request.givenTests })
      reply = { id: request.id, ok: true, result }
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error))
      reply = {
        id: request.id,
        ok: false,
        error: { message: failure.message, code: (failure as { code?: string }).code },
      }
    }
    parentPort?.postMessage(reply)
  })
})
