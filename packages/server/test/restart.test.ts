// A server killed mid-run (SIGKILL: no chance to clean up) and started again on the same data: the run is marked
// interrupted, its stored events stay readable and end with how it ended. Then a graceful stop mid-run. The kill and
// the stop are the real `studio serve` in processes of their own; what the last start reads from the stored data
// needs no process or engine of its own (an in-process server on the test worker's shared engine).
import { spawn, type ChildProcess } from "node:child_process"
import { cpSync, mkdtempSync, rmSync } from "node:fs"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { StudioEvent } from "@studio/protocol"
import { migratedPgliteTemplate, testDataRoot } from "../src/db/test-databases"
import { api, freshDatabase, register, startTestServer, StudioSocket } from "./support/test-server"

const repoRoot = path.resolve(import.meta.dirname, "../../..")
const bin = path.join(repoRoot, "packages/cli/bin/studio.js")
const dataDir = mkdtempSync(path.join(testDataRoot(), "studio-restart-test-"))
const children: ChildProcess[] = []
// On the real PostgreSQL (when DATABASE_URL is set), a database of this test's own.
const database = process.env.DATABASE_URL ? freshDatabase(process.env.DATABASE_URL) : undefined
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL")
  await (await database)?.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

/**
 * `studio serve` in its own process on a free port; resolves with its URL once it listens. The embedded database
 * starts as a first start leaves it (a copy of a migrated one): what a first start does is database.test.ts's.
 */
async function serve(): Promise<{
  url: string
  child: ChildProcess
  exited: Promise<number | null>
  log: () => string
}> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    STUDIO_DATA_DIR: dataDir,
    STUDIO_PROVIDER: "offline",
    LOG_LEVEL: "info",
    STUDIO_SHUTDOWN_GRACE_SECONDS: "8",
    // With REDIS_URL (test:services) the sign-up count for 127.0.0.1 lives in the shared Redis across runs.
    STUDIO_REGISTER_RATE_LIMIT: "100000",
    ...(database ? { DATABASE_URL: (await database).url } : {}),
  }
  if (!database && children.length === 0)
    cpSync(await migratedPgliteTemplate(), path.join(dataDir, "pglite"), { recursive: true })
  const child = spawn(process.execPath, [bin, "serve"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  children.push(child)
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  let output = ""
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000)
    const read = (chunk: Buffer) => {
      output += chunk
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on("data", read)
    child.stderr!.on("data", read)
    child.on("exit", () => reject(new Error(`the server exited:\n${output}`)))
  })
  return { url, child, exited, log: () => output }
}

describe("restarts", () => {
  it("marks a run killed mid-way interrupted; its events stay readable", { timeout: 300_000 }, async () => {
    const first = await serve()
    const { token } = await register(first)
    const projectId = (await api(first, token)("POST", "/api/projects", { name: "p" })).body.project
      .id as string
    const socket = new StudioSocket(first.url, { token })
    await socket.opened
    socket.send({ type: "generate", projectId, prompt: "a star rating with 5 stars" })
    const { runId } = (await socket.next((message) => message.type === "run_accepted")) as { runId: string }
    await socket.next((message) => message.type === "file_closed")
    first.child.kill("SIGKILL")
    await first.exited
    const before = socket.events(runId)

    const second = await serve()
    const call = api(second, token)
    expect((await call("GET", `/api/runs/${runId}`)).body.run.status).toBe("interrupted")
    const events = (await call("GET", `/api/runs/${runId}/events`)).body.events as StudioEvent[]
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index))
    expect(events.slice(0, before.length)).toEqual(before)
    expect(events.at(-2)).toMatchObject({ type: "error", code: "interrupted" })
    expect(events.at(-1)).toMatchObject({ type: "run_finished", success: false })
    socket.close()

    // A graceful stop (SIGTERM) lets a running run finish within the grace period, or stops it and stores it as
    // interrupted; the process exits 0 and the stored log ends with how the run ended. (A client reconnects and
    // subscribes from its last seq to read that end.)
    const live = new StudioSocket(second.url, { token })
    await live.opened
    live.send({ type: "generate", projectId, prompt: "tabs for Home and Away" })
    const accepted = (await live.next((message) => message.type === "run_accepted")) as { runId: string }
    await live.next((message) => message.type === "file_closed")
    const seen = live.events(accepted.runId).at(-1)!.seq
    second.child.kill("SIGTERM")
    expect(await second.exited).toBe(0)
    const third = await startTestServer(
      // The secret the binaries signed the token with: from the environment when it is set, else the data folder's.
      process.env.STUDIO_JWT_SECRET ? { STUDIO_JWT_SECRET: process.env.STUDIO_JWT_SECRET } : {},
      { dataDir, ...(database ? { databaseUrl: (await database).url } : {}) },
    )
    const status = (await api(third, token)("GET", `/api/runs/${accepted.runId}`)).body.run.status as string
    expect(["succeeded", "interrupted"]).toContain(status)
    const again = new StudioSocket(third.url, { token })
    await again.opened
    again.send({ type: "subscribe", runId: accepted.runId, afterSeq: seen })
    const last = (await again.next((message) => message.type === "run_finished")) as Extract<
      StudioEvent,
      { type: "run_finished" }
    >
    expect(last.success).toBe(status === "succeeded")
    const resumed = again.events(accepted.runId)
    expect(resumed[0]?.seq).toBe(seen + 1)
    expect(resumed.map((event) => event.seq)).toEqual(resumed.map((_, index) => seen + 1 + index))
    again.close()
    await third.stop()
  })
})
