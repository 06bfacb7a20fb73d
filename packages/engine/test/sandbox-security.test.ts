import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs"
import http from "node:http"
import net from "node:net"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { LocalSandbox, detectIsolation, type SandboxResult } from "../src/sandbox"

// Each job below is hostile generated code. Its test *asserts that the attack worked*, so a contained attack shows
// up as a failing test with a clear error, which is what the studio reports to the user.

const repoRoot = path.resolve(import.meta.dirname, "../../..")
const jobsRoot = path.join(repoRoot, ".studio", `test-security-${process.pid}`)
const CANARY = "sk-canary-4c6f1e0b9d2a47f3a1e5c8b7d6f0a9e2"
const TIMEOUT_MS = 6_000

let sandbox: LocalSandbox

function job(testBody: string, imports = ""): Record<string, string> {
  return {
    "src/components/Attack.test.tsx": `import { describe, it, expect } from "vitest"\n${imports}\ndescribe("attack", () => {\n${testBody}\n})\n`,
  }
}

function workerProcessesLeft(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("worker-entry.mjs")
      } catch {
        return false
      }
    })
}

function expectContained(result: SandboxResult): void {
  expect(result.tests.length).toBeGreaterThan(0)
  for (const test of result.tests) expect(test.status).toBe("fail")
  expect(JSON.stringify(result)).not.toContain(CANARY)
  expect(result.durationMs).toBeLessThan(TIMEOUT_MS + 4_000)
}

beforeAll(async () => {
  process.env.STUDIO_TEST_CANARY_SECRET = CANARY
  sandbox = new LocalSandbox({
    jobsRoot,
    timeoutMs: TIMEOUT_MS,
    memoryBytes: 512 * 1024 * 1024,
    heapMegabytes: 256,
  })
  await sandbox.warmUp()
})

afterAll(async () => {
  await sandbox.close()
  delete process.env.STUDIO_TEST_CANARY_SECRET
  rmSync(jobsRoot, { recursive: true, force: true })
})

describe("the sandbox contains hostile generated tests", () => {
  it("cannot read a file outside its job folder, directly or through the module loader", async () => {
    const direct = await sandbox.runTests({
      files: job(
        `it("reads the studio's package.json", () => { expect(readFileSync(${JSON.stringify(path.join(repoRoot, "package.json"))}, "utf8")).toContain("ai-studio") })
         it("reads /etc/passwd", () => { expect(readFileSync("/etc/passwd", "utf8")).toContain("root") })`,
        `import { readFileSync } from "node:fs"`,
      ),
    })
    expectContained(direct)
    const throughLoader = await sandbox.runTests({
      files: job(
        `it("imports a host file as text", () => { expect(secret).toContain("ai-studio") })`,
        `import secret from ${JSON.stringify(path.join(repoRoot, "package.json") + "?raw")}`,
      ),
    })
    expectContained(throughLoader)
    expect(throughLoader.diagnostics.map((d) => d.message).join("\n")).toMatch(/outside the job folder/)
  })

  it("cannot see the studio's environment", async () => {
    const result = await sandbox.runTests({
      files: job(
        `it("prints the environment", () => { console.log(JSON.stringify(process.env)); expect(JSON.stringify(process.env)).toContain("sk-canary") })
         it("reads the environment of pid 1", () => { expect(readFileSync("/proc/1/environ", "utf8")).toContain("sk-canary") })`,
        `import { readFileSync } from "node:fs"`,
      ),
    })
    expectContained(result)
  })

  it("cannot write outside its job folder", async () => {
    const target = path.join(repoRoot, ".studio", `pwned-${process.pid}.txt`)
    const result = await sandbox.runTests({
      files: job(
        `it("writes into the studio", () => { writeFileSync(${JSON.stringify(target)}, "pwned"); expect(true).toBe(true) })`,
        `import { writeFileSync } from "node:fs"`,
      ),
    })
    expectContained(result)
    expect(existsSync(target)).toBe(false)
  })

  it("cannot spawn a process", async () => {
    const result = await sandbox.runTests({
      files: job(
        `it("runs a shell command", () => { expect(execSync("id").toString()).toContain("uid") })
         it("runs node again", () => { expect(execFileSync(process.execPath, ["-e", "console.log(1)"]).toString()).toContain("1") })`,
        `import { execSync, execFileSync } from "node:child_process"`,
      ),
    })
    expectContained(result)
  })

  it("cannot open a TCP socket to a port on the host", async () => {
    let connections = 0
    const server = net.createServer((socket) => {
      connections++
      socket.end("hello")
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const port = (server.address() as net.AddressInfo).port
    try {
      const result = await sandbox.runTests({
        files: job(
          `it("connects to the host", async () => {
             const reply = await new Promise((resolve, reject) => {
               const socket = net.connect(${port}, "127.0.0.1")
               socket.on("data", (data) => resolve(data.toString()))
               socket.on("error", reject)
             })
             expect(reply).toBe("hello")
           })`,
          `import net from "node:net"`,
        ),
      })
      expectContained(result)
      expect(connections).toBe(0)
    } finally {
      server.close()
    }
  })

  it("cannot fetch over HTTP", async () => {
    let requests = 0
    const server = http.createServer((_request, response) => {
      requests++
      response.end("leak")
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const port = (server.address() as net.AddressInfo).port
    try {
      const result = await sandbox.runTests({
        files: job(
          `it("fetches from the host", async () => { const response = await fetch("http://127.0.0.1:${port}/"); expect(await response.text()).toBe("leak") })
           it("fetches from the internet", async () => { const response = await fetch("http://example.com/"); expect(response.ok).toBe(true) })`,
        ),
      })
      expectContained(result)
      expect(requests).toBe(0)
    } finally {
      server.close()
    }
  })

  it("is stopped at the wall-clock limit when it loops forever, with nothing left running", async () => {
    const started = performance.now()
    const result = await sandbox.runTests({
      files: job(`it("spins", () => { for (;;) {} })`),
    })
    expectContained(result)
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 100)
    expect(result.diagnostics[0]?.code).toBe("sandbox_timeout")
    expect(result.tests[0]?.error).toMatch(/wall-clock limit/)
  })

  it("is killed at its memory limit when it allocates 8 GB", async () => {
    const result = await sandbox.runTests({
      files: job(`it("allocates 8 GB", () => {
        const blocks = []
        for (let i = 0; i < 128; i++) blocks.push(Buffer.alloc(64 * 1024 * 1024, 1))
        expect(blocks.length).toBe(128)
      })`),
    })
    expectContained(result)
    const messages = [
      ...result.diagnostics.map((d) => d.message),
      ...result.tests.map((t) => t.error ?? ""),
    ].join("\n")
    expect(messages).toMatch(/memory limit|heap out of memory|Worker exited unexpectedly|did not finish/i)
  })

  it("stops at once when the run is cancelled, with the tests reported as failed", async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 1_000)
    const started = performance.now()
    const result = await sandbox.runTests({
      files: job(`it("spins", () => { for (;;) {} })`),
      signal: controller.signal,
    })
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS - 1_000)
    expect(result.diagnostics[0]?.code).toBe("cancelled")
    expect(result.tests.map((test) => test.status)).toEqual(["fail"])
    // cancelled before any worker has started: the worker that starts next must not run the job
    const early = new AbortController()
    const earlyStarted = performance.now()
    const pending = sandbox.runTests({
      files: job(`it("spins", () => { for (;;) {} })`),
      signal: early.signal,
    })
    early.abort()
    const stoppedEarly = await pending
    expect(performance.now() - earlyStarted).toBeLessThan(TIMEOUT_MS - 1_000)
    expect(stoppedEarly.diagnostics[0]?.code).toBe("cancelled")
    expect(stoppedEarly.tests.map((test) => [test.name, test.status])).toEqual([["spins", "fail"]])
  })

  it("leaves no worker process behind once closed", async () => {
    const probe = new LocalSandbox({ jobsRoot: `${jobsRoot}-probe`, timeoutMs: 2_000 })
    await probe.warmUp()
    await probe.runTests({ files: job(`it("spins", () => { for (;;) {} })`) })
    await probe.close()
    const ours = workerProcessesLeft().filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`${jobsRoot}-probe`)
      } catch {
        return false
      }
    })
    expect(ours).toEqual([])
    rmSync(`${jobsRoot}-probe`, { recursive: true, force: true })
  })
})

describe("isolation reporting", () => {
  it("says what this machine gives, and names what is missing", () => {
    const report = detectIsolation()
    expect(["namespaces+cgroup", "namespaces", "process"]).toContain(report.level)
    if (report.level === "process") expect(report.warnings.join(" ")).toMatch(/bubblewrap/)
    else expect(report.layers.join(" ")).toMatch(/bubblewrap/)
  })

  it("still runs tests, with a scrubbed environment, when namespaces are not available", async () => {
    const fallback = new LocalSandbox({
      jobsRoot: `${jobsRoot}-fallback`,
      timeoutMs: TIMEOUT_MS,
      isolation: {
        level: "process",
        layers: [],
        warnings: ["no bubblewrap"],
        bubblewrap: null,
        cgroup: null,
      },
    })
    try {
      const result = await fallback.runTests({
        files: job(
          `it("R1: passes", () => { expect(1 + 1).toBe(2) })
           it("R2: sees no secret", () => { expect(JSON.stringify(process.env)).not.toContain("sk-canary") })`,
        ),
      })
      expect(result.isolation).toBe("process")
      expect(result.tests.map((test) => [test.name, test.status])).toEqual([
        ["R1: passes", "pass"],
        ["R2: sees no secret", "pass"],
      ])
    } finally {
      await fallback.close()
      rmSync(`${jobsRoot}-fallback`, { recursive: true, force: true })
    }
  })
})
