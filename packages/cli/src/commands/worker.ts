import { StudioError } from "@studio/protocol"
import { readServerConfig, startWorker } from "@studio/server"
import type { CliContext } from "../cli-context"

/**
 * `studio worker`: takes runs from the shared queue (STUDIO_QUEUE=redis) and runs them, `concurrency` at a time,
 * until SIGINT/SIGTERM; then running runs get the grace period (STUDIO_SHUTDOWN_GRACE_SECONDS) and it exits 0.
 */
export async function runWorker(options: { concurrency?: number }, context: CliContext): Promise<number> {
  let started
  try {
    const config = readServerConfig(context.env, context.cwd)
    if (config.queue !== "redis") {
      context.stderr.write(
        "studio worker: needs STUDIO_QUEUE=redis (with REDIS_URL and DATABASE_URL): it takes runs from the shared queue\n",
      )
      return 2
    }
    started = await startWorker(config, {
      concurrency: options.concurrency,
      ...(context.engine ? { engine: context.engine } : {}),
    })
  } catch (error) {
    if (StudioError.isInstance(error) && error.code === "config_invalid") {
      context.stderr.write(`studio worker: ${error.message}\n`)
      return 2
    }
    throw error
  }
  const worker = started
  let stopping = false
  const stop = () => {
    // A second signal means "now": skip the grace period (130, as a shell reports an interrupted command).
    if (stopping) process.exit(130)
    stopping = true
    // Everything is closed; exit without waiting for background cleanup (sandbox cgroups) to drain.
    void worker.close().then(() => process.exit(0))
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
  // The worker keeps the process alive until a signal.
  return 0
}
