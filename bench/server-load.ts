// The server under load, from a second process on loopback: `studio serve` runs as a child process (PGlite, offline
// generator); this process plays 20 users, each running offline generations over its own WebSocket.
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { WS_PROTOCOL, type StudioEvent } from "@studio/protocol"
import WebSocket from "ws"

const PROMPTS = [
  "tabs for Overview, Settings and Billing",
  "a star rating with 5 stars",
  "a login form with email and password",
  "a pricing table with three tiers and a monthly/yearly toggle",
]

export interface LoadResult {
  users: number
  runs: number
  succeeded: number
  wallSeconds: number
  runsPerMinute: number
  firstEventMs: number[]
  finishedMs: number[]
  eventsLost: number
  eventsDuplicated: number
  idleRssMb: number
  peakRssMb: number
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

export async function measureServerLoad(repoRoot: string, users = 20, runsPerUser = 2): Promise<LoadResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "studio-load-"))
  const child = spawn(process.execPath, [path.join(repoRoot, "packages/cli/bin/studio.js"), "serve"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: "0",
      STUDIO_DATA_DIR: dataDir,
      STUDIO_PROVIDER: "offline",
      STUDIO_RATE_LIMIT: "1000",
      // Every simulated user signs up from 127.0.0.1.
      STUDIO_REGISTER_RATE_LIMIT: "1000",
      STUDIO_MAX_SOCKETS_PER_USER: "4",
      LOG_LEVEL: "info",
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = ""
      const read = (chunk: Buffer) => {
        output += chunk
        const match = /"url":"(http:\/\/[^"]+)"/.exec(output)
        if (match) resolve(match[1]!)
      }
      child.stdout!.on("data", read)
      child.stderr!.on("data", read)
      child.on("exit", () => reject(new Error(`the server exited:\n${output}`)))
    })
    // Idle: started, warmed, nothing running.
    await new Promise((resolve) => setTimeout(resolve, 8000))
    const idleRssMb = rssMb(child.pid!)
    let peakRssMb = idleRssMb
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(child.pid!))), 250)

    const call = async (route: string, body: unknown, token?: string) => {
      const response = await fetch(`${url}${route}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      })
      // Responses are read field by field below; their schemas are checked by the server tests.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (await response.json()) as Record<string, any>
    }
    const accounts = await Promise.all(
      Array.from({ length: users }, async (_, index) => {
        const auth = await call("/api/auth/register", {
          email: `load${index}-${Date.now()}@example.com`,
          password: "load test password",
        })
        const project = await call("/api/projects", { name: "load" }, auth.token)
        return { token: auth.token as string, projectId: project.project.id as string }
      }),
    )

    const firstEventMs: number[] = []
    const finishedMs: number[] = []
    let succeeded = 0
    let eventsLost = 0
    let eventsDuplicated = 0
    const started = performance.now()
    await Promise.all(
      accounts.map(async (account, index) => {
        const socket = new WebSocket(url.replace(/^http/, "ws") + "/api/ws", [
          WS_PROTOCOL,
          `bearer.${account.token}`,
        ])
        await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject))
        const seqs = new Map<string, number[]>()
        let waiting: { sent: number; runId?: string; first?: number; resolve: () => void } | undefined
        socket.on("message", (data) => {
          const message = JSON.parse(data.toString()) as {
            type: string
            runId?: string
            events?: StudioEvent[]
          }
          if (message.type === "run_accepted" && waiting) waiting.runId = message.runId
          const events =
            message.type === "events" ? message.events! : "seq" in message ? [message as StudioEvent] : []
          for (const event of events) {
            const list = seqs.get(event.runId) ?? []
            list.push(event.seq)
            seqs.set(event.runId, list)
            if (waiting && event.runId === waiting.runId) {
              waiting.first ??= performance.now() - waiting.sent
              if (event.type === "run_finished") {
                if (event.success) succeeded++
                finishedMs.push(performance.now() - waiting.sent)
                firstEventMs.push(waiting.first)
                waiting.resolve()
              }
            }
          }
        })
        for (let run = 0; run < runsPerUser; run++) {
          await new Promise<void>((resolve) => {
            waiting = { sent: performance.now(), resolve }
            socket.send(
              JSON.stringify({
                type: "generate",
                projectId: account.projectId,
                prompt: PROMPTS[(index + run) % PROMPTS.length],
              }),
            )
          })
        }
        // Lost or duplicated: what arrived against what the server stored.
        for (const [runId, received] of seqs) {
          const stored = await fetch(`${url}/api/runs/${runId}/events`, {
            headers: { authorization: `Bearer ${account.token}` },
          })
          const count = ((await stored.json()) as { events: unknown[] }).events.length
          const unique = new Set(received)
          eventsLost += count - unique.size
          eventsDuplicated += received.length - unique.size
        }
        socket.close()
      }),
    )
    const wallSeconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    return {
      users,
      runs: users * runsPerUser,
      succeeded,
      wallSeconds,
      runsPerMinute: (users * runsPerUser) / (wallSeconds / 60),
      firstEventMs,
      finishedMs,
      eventsLost,
      eventsDuplicated,
      idleRssMb,
      peakRssMb,
    }
  } finally {
    child.kill("SIGTERM")
    await new Promise((resolve) => child.once("exit", resolve))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
