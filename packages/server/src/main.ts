import { StudioError } from "@studio/protocol"
import { readServerConfig } from "./config"
import { startServer } from "./server"

/**
 * `npm start` / `studio serve`: reads the environment, starts, and shuts down gracefully on SIGINT/SIGTERM.
 * `workers`: runs this instance executes at once (default 1; 0 with STUDIO_QUEUE=redis: API and WebSocket only).
 */
export async function serve(overrides: { port?: number; workers?: number } = {}): Promise<void> {
  let server
  try {
    let config = readServerConfig()
    if (overrides.port !== undefined) config = { ...config, port: overrides.port }
    server = await startServer(config, { workers: overrides.workers })
  } catch (error) {
    if (StudioError.isInstance(error) && error.code === "config_invalid") {
      process.stderr.write(`studio serve: ${error.message}\n`)
      process.exitCode = 2
      return
    }
    throw error
  }
  let stopping = false
  const stop = (signal: string) => {
    // A second signal means "now": skip the grace period (130, as a shell reports an interrupted command).
    if (stopping) process.exit(130)
    stopping = true
    server.app.log.info({ signal }, "shutting down: finishing running runs")
    // Everything is closed and flushed; exit without waiting for background cleanup (sandbox cgroups) to drain.
    void server.close().then(() => process.exit(0))
  }
  process.on("SIGINT", () => stop("SIGINT"))
  process.on("SIGTERM", () => stop("SIGTERM"))
}
