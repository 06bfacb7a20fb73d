import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import os from "node:os"
import path from "node:path"

const repoRoot = path.resolve(import.meta.dirname, "../../../..")
const bin = path.join(repoRoot, "packages/cli/bin/studio.js")

/** One `studio` child process (the real binary) and what it printed. */
export interface StudioProcess {
  child: ChildProcess
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>
  output(): string
}

/**
 * Builds the CLI bundle once if a source is newer: `bin/studio.js` would otherwise rebuild it in every process that
 * starts at the same moment.
 */
export function buildStudioOnce(): void {
  execFileSync(process.execPath, [bin, "help"], { cwd: repoRoot, stdio: "ignore" })
}

/** Starts `studio <args>` and resolves once its output matches `ready` (with the match), or rejects if it exits. */
export async function startStudio(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 120_000,
): Promise<StudioProcess & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  let output = ""
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`studio ${args.join(" ")} did not start:\n${output}`)),
      timeoutMs,
    )
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8")
      const found = ready.exec(output)
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    child.stdout!.on("data", read)
    child.stderr!.on("data", read)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`studio ${args.join(" ")} exited (${code}):\n${output}`))
    })
  })
  return { child, exited, output: () => output, match }
}

/** `studio serve --workers N`; resolves with its URL once it listens. */
export async function startServe(env: NodeJS.ProcessEnv, workers: number) {
  const started = await startStudio(["serve", "--workers", String(workers)], env, /"url":"(http:\/\/[^"]+)"/)
  return { ...started, url: started.match[1]! }
}

/** `studio worker --concurrency N`; resolves with its worker id once it takes runs. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv, concurrency: number) {
  const started = await startStudio(
    ["worker", "--concurrency", String(concurrency)],
    env,
    /"workerId":"([^"]+)"[^\n]*"msg":"AI Studio worker is taking runs"/,
  )
  return { ...started, workerId: started.match[1]! }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0))
    })
  })
}

/**
 * A Redis of the test's own on a spare port, without persistence (a restart empties it, as a lost Redis would be):
 * the shared one on 6379 must never be stopped.
 */
export async function startPrivateRedis() {
  const port = await freePort()
  const dir = mkdtempSync(path.join(os.tmpdir(), "studio-scale-out-redis-"))
  const cli = (...args: string[]) =>
    execFileSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8" })
  const ping = () => {
    try {
      return cli("ping").trim() === "PONG"
    } catch {
      return false
    }
  }
  const redis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      execFileSync("redis-server", [
        ...["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        ...["--daemonize", "yes", "--dir", dir, "--logfile", path.join(dir, "redis.log")],
      ])
      for (let attempt = 0; !ping(); attempt++) {
        if (attempt > 100) throw new Error("the private Redis did not start")
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    stop() {
      try {
        cli("shutdown", "nosave")
      } catch {
        // already stopped (or it closed the connection as it went)
      }
    },
    remove() {
      redis.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await redis.start()
  return redis
}
