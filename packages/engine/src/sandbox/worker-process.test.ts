import { once } from "node:events"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import type { IsolationReport } from "./types"
import { SandboxWorkerProcess } from "./worker-process"

const PROCESS_ONLY: IsolationReport = {
  level: "process",
  backend: "process",
  layers: [],
  warnings: [],
  bubblewrap: null,
  unshare: null,
  cgroup: null,
  protectsAgainst: [],
  doesNotProtectAgainst: [],
}

// A stand-in for worker-entry.mjs: ready at once, then it reads whatever file the host names, as Vitest's snapshot
// support does with `__snapshots__` beside a job's test file (an existsSync under the jobs folder).
const READER_ENTRY = `import { existsSync, readFileSync } from "node:fs"
process.on("message", (file) => {
  let answer
  try {
    answer = existsSync(file) ? readFileSync(file, "utf8") : "missing"
  } catch (error) {
    answer = error.code ?? String(error)
  }
  process.send(answer)
})
process.send({ __studio: "ready", warmupMs: 0 })
`

describe("a process-backend worker (Node's permission layer)", () => {
  const temporary: string[] = []
  const folder = (prefix: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
    temporary.push(dir)
    return dir
  }
  afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
  })

  it("reads the job files of a jobs folder that did not exist yet when the worker was started", async () => {
    const entryDir = folder("studio-worker-entry-")
    const entry = path.join(entryDir, "reader.mjs")
    writeFileSync(entry, READER_ENTRY)
    // Not under the entry's folder (which the worker may read anyway), and not made yet: a sandbox warms its first
    // worker at the same time as its Vitest host, which is what makes the jobs folder.
    const jobsRoot = path.join(folder("studio-worker-jobs-"), "jobs")
    const worker = new SandboxWorkerProcess({
      isolation: PROCESS_ONLY,
      entry,
      readOnly: [],
      env: {},
      memoryBytes: 256 * 1024 * 1024,
      maxProcesses: 16,
      heapMegabytes: 64,
      maxOutputBytes: 64 * 1024,
      jobsRoot,
      nodePermission: true,
    })
    try {
      await worker.ready
      // As the host does for every job, once the worker has started: a job folder and its files.
      const jobFile = path.join(jobsRoot, "job-1", "src", "Badge.test.tsx")
      mkdirSync(path.dirname(jobFile), { recursive: true })
      writeFileSync(jobFile, "the job's test file")
      const answered = once(worker.child, "message")
      worker.child.send(jobFile)
      const [answer] = await answered
      expect(answer).toBe("the job's test file")
    } finally {
      await worker.kill()
      await worker.cleanedUp
    }
  })
})
