import { spawn } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import http from "node:http"
import net from "node:net"
import { networkInterfaces, tmpdir } from "node:os"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { LocalSandbox, detectIsolation, findBubblewrap, type SandboxResult } from "../src/sandbox"

// Each job below is hostile generated code. Its test *asserts that the attack worked*, so a contained attack shows
// up as a failing test with a clear error, which is what the studio reports to the user.

const repoRoot = path.resolve(import.meta.dirname, "../../..")
const jobsRoot = path.join(repoRoot, ".studio", `test-security-${process.pid}`)
const CANARY = "sk-canary-4c6f1e0b9d2a47f3a1e5c8b7d6f0a9e2"
// Attacks must be refused by the sandbox, not stopped by the clock: their jobs get a limit no loaded machine reaches,
// and a job that times out fails expectContained. The cases about the clock set their own short limit per job.
const TIMEOUT_MS = 60_000
const SPIN_LIMIT_MS = 4_000

let sandbox: LocalSandbox

// The suite proves the backend this machine gives (bubblewrap, else unshare: STUDIO_SANDBOX_BWRAP=off selects it).
// CI names the backend each run must prove (STUDIO_SANDBOX_EXPECT), so a missing one fails instead of passing.
const isolation = detectIsolation()
const EXPECTED_BACKEND = process.env.STUDIO_SANDBOX_EXPECT
const namespaced = isolation.backend !== "process"

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

/** Every process below `root` on the host, found through the parent ids in /proc. */
function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const parent = /^\S+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, "utf8"))?.[1]
      if (parent) parents.set(Number(entry), Number(parent))
    } catch {
      // gone
    }
  }
  const found: number[] = []
  for (const pid of parents.keys()) {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up === root) {
        found.push(pid)
        break
      }
    }
  }
  return found
}

function expectContained(result: SandboxResult): void {
  expect(result.tests.length).toBeGreaterThan(0)
  for (const test of result.tests) expect(test.status).toBe("fail")
  expect(JSON.stringify(result)).not.toContain(CANARY)
  const limits = result.diagnostics.filter((d) => d.code === "sandbox_timeout").map((d) => d.message)
  expect(limits, "the job must end by itself, not at the wall-clock limit").toEqual([])
}

beforeAll(async () => {
  process.env.STUDIO_TEST_CANARY_SECRET = CANARY
  sandbox = new LocalSandbox({
    jobsRoot,
    // Two jobs at once, each on a host of its own: the case below proves they overlap and stay apart.
    concurrency: 2,
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

describe("which backend this run proves", () => {
  const bubblewrapNote =
    isolation.backend === "bubblewrap"
      ? ""
      : `; bubblewrap is not proven by this run (${process.env.STUDIO_SANDBOX_BWRAP === "off" ? "STUDIO_SANDBOX_BWRAP=off" : findBubblewrap() ? "it cannot create namespaces here" : "not installed"})`
  it(`proves the ${isolation.backend} backend${EXPECTED_BACKEND ? `, as STUDIO_SANDBOX_EXPECT asks` : ""}${bubblewrapNote}`, () => {
    if (EXPECTED_BACKEND)
      expect(
        isolation.backend,
        `this machine gives ${isolation.backend}: ${isolation.warnings.join("; ")}`,
      ).toBe(EXPECTED_BACKEND)
    // Bubblewrap comes first when it works; otherwise the report says why not.
    if (findBubblewrap() && isolation.backend !== "bubblewrap")
      expect(isolation.warnings.join("\n")).toMatch(/bubblewrap is installed but cannot create namespaces/)
    expect(
      isolation.backend,
      `no namespaces here (${isolation.warnings.join("; ")}): the containment cases below cannot hold`,
    ).not.toBe("process")
    expect(isolation.level).toMatch(/^namespaces/)
  })
})

describe(`the ${isolation.backend} sandbox contains hostile generated tests`, () => {
  it("cannot read a file outside its job folder, directly or through the module loader", async () => {
    const direct = await sandbox.runTestsInSandbox({
      files: job(
        `it("reads the studio's package.json", () => { expect(readFileSync(${JSON.stringify(path.join(repoRoot, "package.json"))}, "utf8")).toContain("ai-studio") })
         it("reads /etc/passwd", () => { expect(readFileSync("/etc/passwd", "utf8")).toContain("root") })`,
        `import { readFileSync } from "node:fs"`,
      ),
    })
    expectContained(direct)
    const throughLoader = await sandbox.runTestsInSandbox({
      files: job(
        `it("imports a host file as text", () => { expect(secret).toContain("ai-studio") })`,
        `import secret from ${JSON.stringify(path.join(repoRoot, "package.json") + "?raw")}`,
      ),
    })
    expectContained(throughLoader)
    expect(throughLoader.diagnostics.map((d) => d.message).join("\n")).toMatch(/outside the job folder/)
  })

  it("cannot see the studio's environment", async () => {
    const result = await sandbox.runTestsInSandbox({
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
    const result = await sandbox.runTestsInSandbox({
      files: job(
        `it("writes into the studio", () => { writeFileSync(${JSON.stringify(target)}, "pwned"); expect(true).toBe(true) })`,
        `import { writeFileSync } from "node:fs"`,
      ),
    })
    expectContained(result)
    expect(existsSync(target)).toBe(false)
  })

  it("cannot spawn a process", async () => {
    const result = await sandbox.runTestsInSandbox({
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
      const result = await sandbox.runTestsInSandbox({
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
      const result = await sandbox.runTestsInSandbox({
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
    const result = await sandbox.runTestsInSandbox({
      files: job(`it("spins", () => { for (;;) {} })`),
      timeoutMs: SPIN_LIMIT_MS,
    })
    expect(result.tests.map((test) => test.status)).toEqual(["fail"])
    expect(performance.now() - started).toBeGreaterThanOrEqual(SPIN_LIMIT_MS - 100)
    expect(result.diagnostics[0]?.code).toBe("sandbox_timeout")
    expect(result.tests[0]?.error).toMatch(/wall-clock limit/)
  })

  it("says the wall-clock limit, not a failed load, when the file spins before its tests are collected", async () => {
    const result = await sandbox.runTestsInSandbox({
      files: {
        "src/components/Attack.test.tsx": `import { it } from "vitest"\nfor (;;) {}\nit("R1: never collected", () => {})\n`,
      },
      timeoutMs: SPIN_LIMIT_MS,
    })
    expect(result.diagnostics[0]?.code).toBe("sandbox_timeout")
    expect(result.tests.map((test) => [test.name, test.status])).toEqual([["R1: never collected", "fail"]])
    expect(result.tests[0]?.error).toMatch(/wall-clock limit/)
  })

  // Buffers live outside V8's heap, so --max-old-space-size does not stop this job: only a cgroup can. The case
  // that runs says which one this machine is; without a cgroup the 8 GB job is not run (it would take the host's RAM).
  const machineCgroup = detectIsolation().cgroup

  // One test for either kind of machine, so it is never skipped.
  it(
    machineCgroup === null
      ? "without a writable cgroup: memory outside V8's heap is not limited, and the isolation report says so"
      : "with a writable cgroup: is killed by the cgroup's memory limit, not the clock, when it allocates 8 GB outside V8's heap",
    async () => {
      if (machineCgroup === null) {
        expect(sandbox.isolation.cgroup).toBeNull()
        expect(sandbox.isolation.level).not.toMatch(/cgroup/)
        expect(sandbox.isolation.warnings.join("\n")).toMatch(
          /no writable cgroup.*memory outside it \(Buffers, ArrayBuffers\).*not limited/,
        )
        return
      }
      expect(sandbox.isolation.cgroup).not.toBeNull()
      const result = await sandbox.runTestsInSandbox({
        files: job(`it("allocates 8 GB in Buffers", () => {
          const blocks = []
          for (let i = 0; i < 128; i++) blocks.push(Buffer.alloc(64 * 1024 * 1024, 1))
          expect(blocks.length).toBe(128)
        })`),
      })
      expectContained(result)
      expect(result.diagnostics.map((d) => d.message)).toContain(
        "a test worker hit the memory limit (512 MiB) and was killed",
      )
      expect(result.tests[0]?.error).toMatch(/hit the memory limit/)
      // past V8's 256 MiB heap limit, stopped at the cgroup's 512 MiB
      expect(result.peakMemoryBytes).toBeGreaterThan(256 * 1024 * 1024)
      expect(result.peakMemoryBytes).toBeLessThanOrEqual(512 * 1024 * 1024)
    },
  )

  it("stops at once when the run is cancelled, with the tests reported as failed", async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 1_000)
    // the job's limit is far away, so only the cancel can have ended it
    const result = await sandbox.runTestsInSandbox({
      files: job(`it("spins", () => { for (;;) {} })`),
      signal: controller.signal,
    })
    expect(result.diagnostics[0]?.code).toBe("cancelled")
    expect(result.tests.map((test) => test.status)).toEqual(["fail"])
    // cancelled before any worker has started: the worker that starts next must not run the job
    const early = new AbortController()
    const pending = sandbox.runTestsInSandbox({
      files: job(`it("spins", () => { for (;;) {} })`),
      signal: early.signal,
    })
    early.abort()
    const stoppedEarly = await pending
    expect(stoppedEarly.diagnostics[0]?.code).toBe("cancelled")
    expect(stoppedEarly.tests.map((test) => [test.name, test.status])).toEqual([["spins", "fail"]])
  })

  it("runs a second job while the first still runs, and neither sees the other's files", async () => {
    const secret = `sk-other-job-${process.pid}`
    const first = new AbortController()
    let firstEnded = false
    const waiting = sandbox
      .runTestsInSandbox({
        files: {
          "src/components/Secret.tsx": `export const SECRET = ${JSON.stringify(secret)}\n`,
          ...job(`it("waits until it is cancelled", () => new Promise(() => {}), 120_000)`),
        },
        signal: first.signal,
      })
      .finally(() => (firstEnded = true))
    // With one job at a time this one would wait for the first, which only the cancel below ends.
    const second = await sandbox.runTestsInSandbox({
      files: job(
        `it("R1: runs while the other job runs", () => { expect(1 + 1).toBe(2) })
         it("finds the other job's files", () => {
           const found = []
           for (const folder of readdirSync(${JSON.stringify(jobsRoot)}))
             try { found.push(readFileSync(${JSON.stringify(jobsRoot)} + "/" + folder + "/src/components/Secret.tsx", "utf8")) } catch {}
           expect(found.join("")).toContain(${JSON.stringify(secret)})
         })`,
        'import { readdirSync, readFileSync } from "node:fs"',
      ),
    })
    expect(firstEnded).toBe(false)
    expect(second.tests.map((test) => [test.name, test.status])).toEqual([
      ["R1: runs while the other job runs", "pass"],
      ["finds the other job's files", "fail"],
    ])
    expect(JSON.stringify(second)).not.toContain(secret)
    first.abort()
    const ended = await waiting
    expect(ended.diagnostics[0]?.code).toBe("cancelled")
    expect(ended.tests.map((test) => test.status)).toEqual(["fail"])
  })

  it("leaves no worker process behind once closed", async () => {
    // One warm worker is enough: the job takes it and the supply starts a replacement, so close() still has a
    // waiting worker to stop, as with more (each warm worker costs over a CPU-second to start).
    const probe = new LocalSandbox({ jobsRoot: `${jobsRoot}-probe`, timeoutMs: 2_000, warmWorkers: 1 })
    await probe.warmUp()
    await probe.runTestsInSandbox({ files: job(`it("spins", () => { for (;;) {} })`) })
    await probe.close()
    const ours = () =>
      workerProcessesLeft().filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`${jobsRoot}-probe`)
        } catch {
          return false
        }
      })
    // Killed, but on a loaded machine (CI, beside other suites) a SIGKILLed tree can take seconds to be gone, past the
    // 5 s close() waits for its cgroup; a worker that survives is still caught here.
    await expect.poll(ours, { timeout: 15_000, interval: 250 }).toEqual([])
    rmSync(`${jobsRoot}-probe`, { recursive: true, force: true })
  })
})

// Node's permission model is a second layer in front of the same attacks; here it is off, so what holds is the
// namespaces alone. Each job's tests assert that an attack worked, so a contained attack fails with the reason.
describe.runIf(namespaced)(
  `the ${isolation.backend} namespaces alone, without Node's permission model`,
  () => {
    let bare: LocalSandbox
    const bareJobs = `${jobsRoot}-bare`
    const secretFile = path.join(repoRoot, ".studio", `secret-${process.pid}.txt`)
    // A file of the host's /tmp (not /tmp itself, which holds the way to the studio when it is installed there).
    const hostTmpFile = path.join(tmpdir(), `studio-canary-${process.pid}.txt`)

    beforeAll(async () => {
      writeFileSync(secretFile, CANARY)
      writeFileSync(hostTmpFile, CANARY)
      bare = new LocalSandbox({
        jobsRoot: bareJobs,
        timeoutMs: TIMEOUT_MS,
        warmWorkers: 1,
        nodePermission: false,
      })
      await bare.warmUp()
    })

    afterAll(async () => {
      await bare.close()
      rmSync(secretFile, { force: true })
      rmSync(hostTmpFile, { force: true })
      rmSync(bareJobs, { recursive: true, force: true })
    })

    function failures(result: SandboxResult): Record<string, string> {
      return Object.fromEntries(
        result.tests.map((test) => [test.name, test.status === "fail" ? (test.error ?? "") : "PASSED"]),
      )
    }

    it("sees none of the host's files: no /etc, no home folders, not the studio's source or data folder", async () => {
      const result = await bare.runTestsInSandbox({
        files: job(
          `it("reads /etc/passwd", () => { expect(readFileSync("/etc/passwd", "utf8")).toContain("root") })
         it("reads a secret in the studio's data folder", () => { expect(readFileSync(${JSON.stringify(secretFile)}, "utf8")).toContain("sk-canary") })
         it("lists the studio's source", () => { expect(readdirSync(${JSON.stringify(repoRoot)})).toContain("README.md") })
         it("lists /root", () => { expect(readdirSync("/root").filter((entry) => !${JSON.stringify(repoRoot + "/")}.startsWith("/root/" + entry + "/")).length).toBeGreaterThan(0) })
         it("reads a file in the host's /tmp", () => { expect(readFileSync(${JSON.stringify(hostTmpFile)}, "utf8")).toContain("sk-canary") })`,
          `import { readdirSync, readFileSync } from "node:fs"`,
        ),
      })
      expectContained(result)
      for (const [name, error] of Object.entries(failures(result))) {
        // the studio's folder is there (node_modules is in it), without its files
        if (name === "lists the studio's source") expect(error).toMatch(/to include 'README.md'/)
        // a studio under /root: /root is there, holding only the way to the studio's folder
        else if (name === "lists /root") expect(error).toMatch(/ENOENT|expected 0 to be greater than 0/)
        else expect(error, name).toMatch(/ENOENT/)
      }
    })

    it("cannot write anywhere but its scratch folder, which it can", async () => {
      const result = await bare.runTestsInSandbox({
        files: job(
          `it("writes into the root", () => { writeFileSync("/pwned", "x"); expect(true).toBe(true) })
         it("writes into node_modules", () => { writeFileSync(${JSON.stringify(path.join(repoRoot, "node_modules", `pwned-${process.pid}`))}, "x"); expect(true).toBe(true) })
         it("writes into /dev", () => { writeFileSync("/dev/pwned", "x"); expect(true).toBe(true) })
         it("writes into the studio's data folder", () => { writeFileSync(${JSON.stringify(path.join(repoRoot, ".studio", `pwned-${process.pid}`))}, "x"); expect(true).toBe(true) })
         it("control: writes into its scratch folder", () => { writeFileSync(process.env.TMPDIR + "/ok", "x"); expect(readFileSync(process.env.TMPDIR + "/ok", "utf8")).toBe("x") })`,
          `import { readFileSync, writeFileSync } from "node:fs"`,
        ),
      })
      const byName = failures(result)
      expect(byName["control: writes into its scratch folder"]).toBe("PASSED")
      for (const [name, error] of Object.entries(byName)) {
        if (name.startsWith("control")) continue
        expect(error, name).toMatch(/EROFS|ENOENT|EACCES/)
      }
      expect(existsSync(path.join(repoRoot, "node_modules", `pwned-${process.pid}`))).toBe(false)
      expect(existsSync(path.join(repoRoot, ".studio", `pwned-${process.pid}`))).toBe(false)
    })

    // Where uid 65534 cannot read the studio's files (a 0700 folder on the way, such as /root), the namespaces are
    // made as the host's root, and the isolation report warns so: the host's view of the workers follows the report.
    const keepsHostRoot =
      process.getuid?.() === 0 &&
      (isolation.backend === "unshare"
        ? isolation.unshare?.keepsHostRoot === true
        : isolation.bubblewrap?.hostCommand.length === 0)
    const hostUidOfWorkers = process.getuid?.() === 0 && !keepsHostRoot ? 65534 : process.getuid?.()

    it(`runs as uid 65534 with no capabilities, and as uid ${hostUidOfWorkers} on the host${keepsHostRoot ? " (the report warns: uid 65534 cannot read the studio's folder)" : ""}`, async () => {
      const result = await bare.runTestsInSandbox({
        files: job(
          `it("is root", () => { expect(process.getuid()).toBe(0) })
         it("is in group root", () => { expect(process.getgid()).toBe(0) })
         it("has capabilities", () => { expect(readFileSync("/proc/self/status", "utf8")).not.toMatch(/CapEff:\\s+0+\\n/) })
         it("may gain privileges", () => { expect(readFileSync("/proc/self/status", "utf8")).toMatch(/NoNewPrivs:\\s+0/) })`,
          `import { readFileSync } from "node:fs"`,
        ),
      })
      expectContained(result)
      const byName = failures(result)
      expect(byName["is root"]).toMatch(/expected 65534 to be \+?0/)
      expect(byName["is in group root"]).toMatch(/expected 65534 to be \+?0/)
      // The host's view of the warm workers waiting for the next job (this file's): unshare or bwrap and the Node
      // inside run as an unprivileged uid there too, never the host's root. (A worker being started may still be in
      // its first step, the cgroup shell or setpriv, which runs as the studio until setpriv drops to uid 65534.)
      const ours = new Set(descendantsOf(process.pid))
      const programs = [path.basename(process.execPath), "bwrap", "unshare"]
      const workers = workerProcessesLeft().filter((pid) => {
        try {
          const program = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? ""
          return ours.has(pid) && programs.includes(path.basename(program))
        } catch {
          return false
        }
      })
      expect(workers.length).toBeGreaterThanOrEqual(2)
      if (keepsHostRoot) expect(isolation.warnings.join(" ")).toMatch(/runs the sandbox as the host's root/)
      for (const pid of workers) {
        const hostUid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]
        expect(hostUid).toBe(String(hostUidOfWorkers))
      }
    })

    it("has no network: no interface but loopback, the host's loopback and addresses unreachable", async () => {
      let connections = 0
      const server = net.createServer((socket) => {
        connections++
        socket.end("hello")
      })
      await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve))
      const port = (server.address() as net.AddressInfo).port
      const hostAddress = Object.values(networkInterfaces())
        .flat()
        .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address
      try {
        const connect = (host: string) => `await new Promise((resolve, reject) => {
               const socket = net.connect(${port}, ${JSON.stringify(host)})
               socket.on("data", (data) => resolve(data.toString()))
               socket.on("error", reject)
             })`
        const result = await bare.runTestsInSandbox({
          files: job(
            `it("has an interface to the outside", () => { expect(Object.values(networkInterfaces()).flat().filter((entry) => !entry.internal)).not.toEqual([]) })
           it("connects to the host's loopback", async () => { expect(${connect("127.0.0.1")}).toBe("hello") })
           ${hostAddress ? `it("connects to the host's own address", async () => { expect(${connect(hostAddress)}).toBe("hello") })` : ""}`,
            `import net from "node:net"
import { networkInterfaces } from "node:os"`,
          ),
        })
        expectContained(result)
        expect(connections).toBe(0)
        for (const [name, error] of Object.entries(failures(result))) {
          if (name.startsWith("connects"))
            expect(error, name).toMatch(/ENETUNREACH|ECONNREFUSED|EHOSTUNREACH/)
        }
      } finally {
        server.close()
      }
    })

    it("cannot make a user namespace of its own (to become root in it)", async () => {
      const result = await bare.runTestsInSandbox({
        files: job(
          `it("runs unshare --user", () => {
             const unshare = ["/usr/bin/unshare", "/bin/unshare"].find((file) => existsSync(file)) ?? "unshare"
             expect(execFileSync(unshare, ["--user", "--map-root-user", process.execPath, "-e", "console.log(process.getuid())"]).toString()).toBe("0\\n")
           })`,
          `import { execFileSync } from "node:child_process"\nimport { existsSync } from "node:fs"`,
        ),
      })
      expectContained(result)
      // bubblewrap shows no unshare binary at all; the unshare backend shows its own and allows no more namespaces
      expect(result.tests[0]?.error).toMatch(/ENOENT|No space left on device/)
    })

    it("sees no process of the host, only its own", async () => {
      const result = await bare.runTestsInSandbox({
        files: job(
          `it("sees the studio's processes", () => { expect(readdirSync("/proc").filter((entry) => /^\\d+$/.test(entry)).length).toBeGreaterThan(3) })`,
          `import { readdirSync } from "node:fs"`,
        ),
      })
      expectContained(result)
    })

    it("dies with the studio, even when its code never yields", async () => {
      const dir = path.join(repoRoot, ".studio", `orphan-${process.pid}`)
      mkdirSync(dir, { recursive: true })
      const entry = path.join(dir, "spin-entry.mjs")
      writeFileSync(entry, "for (;;) {}\n")
      // The sandbox's processes (setpriv, unshare or bwrap, the Node inside), not the stand-in studio itself.
      const alive = (kind: "any" | "node" = "any") =>
        readdirSync("/proc")
          .filter((name) => /^\d+$/.test(name) && Number(name) !== studio.pid)
          .filter((pid) => {
            try {
              const state = /^\S+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, "utf8"))?.[1]
              const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")
              if (state === "Z" || !argv.includes(entry)) return false
              return kind === "any" || argv[0] === process.execPath
            } catch {
              return false
            }
          })
      const studio = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(import.meta.dirname, "support", "studio-with-one-worker.ts"),
          entry,
          JSON.stringify(isolation),
        ],
        { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
      )
      // What the stand-in said (its backend, its worker's pid, and why the worker ended if it did), for the failures.
      let said = ""
      studio.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()))
      studio.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()))
      try {
        const until = async (done: () => boolean, ms: number) => {
          for (const end = Date.now() + ms; !done() && Date.now() < end;)
            await new Promise((resolve) => setTimeout(resolve, 50))
        }
        // the spinning Node inside, under the backend's own processes (setpriv, unshare or bwrap)
        let sandboxed: string[] = []
        // Waits, not speed bounds: a busy machine can take long to start the stand-in studio and its sandbox.
        await until(() => said.includes("started"), 90_000)
        expect(said).toContain(`started ${isolation.backend} `)
        await until(() => alive("node").length > 0 && (sandboxed = alive()).length >= 2, 60_000)
        expect(alive("node"), said).toHaveLength(1)
        expect(sandboxed.length, said).toBeGreaterThanOrEqual(2)
        studio.kill("SIGKILL")
        // by pid, not by command line: gone, or a zombie waiting for init
        const running = () =>
          sandboxed.filter((pid) => {
            try {
              return /^\S+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, "utf8"))?.[1] !== "Z"
            } catch {
              return false
            }
          })
        await until(() => running().length === 0, 30_000)
        expect(running()).toEqual([])
        expect(alive()).toEqual([])
      } finally {
        studio.kill("SIGKILL")
        rmSync(dir, { recursive: true, force: true })
      }
    })
  },
)

describe("isolation reporting", () => {
  it("says which backend is in force, what it protects against and what it does not", () => {
    const report = detectIsolation()
    expect(["namespaces+cgroup", "namespaces", "process"]).toContain(report.level)
    expect(report.protectsAgainst.length).toBeGreaterThan(0)
    expect(report.doesNotProtectAgainst.join(" ")).toMatch(/kernel/)
    if (report.backend === "bubblewrap")
      expect(report.layers.join(" ")).toMatch(/bubblewrap \S+: user, pid, network/)
    else if (report.backend === "unshare")
      expect(report.layers.join(" ")).toMatch(
        /util-linux unshare \S+.*user, pid, network, ipc, uts and mount namespaces/,
      )
    else expect(report.warnings.join(" ")).toMatch(/no namespaces.*STUDIO_ALLOW_UNISOLATED=1/)
  })

  it("falls back from bubblewrap to unshare to a plain process, and says why", () => {
    const noBubblewrap = detectIsolation({
      refresh: true,
      env: { ...process.env, STUDIO_SANDBOX_BWRAP: "off" },
    })
    const neither = detectIsolation({
      refresh: true,
      env: { ...process.env, STUDIO_SANDBOX_BWRAP: "off", STUDIO_SANDBOX_UNSHARE: "off" },
    })
    detectIsolation({ refresh: true })
    expect(noBubblewrap.bubblewrap).toBeNull()
    if (noBubblewrap.backend === "unshare") expect(noBubblewrap.unshare?.unshare).toMatch(/unshare$/)
    else expect(noBubblewrap.warnings.join(" ")).toMatch(/util-linux unshare/)
    expect(neither).toMatchObject({ backend: "process", level: "process", bubblewrap: null, unshare: null })
    expect(neither.warnings.join(" ")).toMatch(
      /STUDIO_SANDBOX_BWRAP=off.*STUDIO_SANDBOX_UNSHARE=off.*can read the host's files and reach the network/,
    )
    expect(neither.doesNotProtectAgainst.join(" ")).toMatch(/network/)
  })

  it("still runs tests, with a scrubbed environment, when namespaces are not available", async () => {
    const fallback = new LocalSandbox({
      jobsRoot: `${jobsRoot}-fallback`,
      // A cold worker (none is warmed here): the short deadline of the hang tests is not what this one is about.
      timeoutMs: 60_000,
      isolation: {
        level: "process",
        backend: "process",
        layers: [],
        warnings: ["no bubblewrap"],
        bubblewrap: null,
        unshare: null,
        cgroup: null,
        protectsAgainst: [],
        doesNotProtectAgainst: [],
      },
    })
    try {
      const result = await fallback.runTestsInSandbox({
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
