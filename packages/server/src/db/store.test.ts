import { randomUUID } from "node:crypto"
import { StudioError } from "@studio/protocol"
import { eq, sql } from "drizzle-orm"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { diffSize } from "../export/diff-size"
import { unifiedDiff } from "../export/unified-diff"
import { hashPrompt } from "../runs/prompt-hash"
import type { Database } from "./database"
import { DuplicateEmailError } from "./errors"
import { pluginManifests } from "./schema"
import { createStore, type Store } from "./store"
import { INITDB_TIMEOUT_MS, createTestDatabase, testDialects, type TestDatabase } from "./test-databases"

describe.each(testDialects())("store on %s", (dialect) => {
  let testDatabase: TestDatabase
  let store: Store
  let database: Database

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect)
    database = await testDatabase.open()
    store = createStore(database)
  }, INITDB_TIMEOUT_MS)
  afterAll(() => testDatabase.dispose())

  const newUser = () => store.users.create({ email: `${randomUUID()}@example.com`, passwordHash: "hash" })

  async function newProject() {
    const user = await newUser()
    return { user, project: await store.projects.create(user.id, "Pricing table") }
  }

  async function newRun(userId: string, projectId: string) {
    const id = randomUUID()
    await store.runs.create({ id, userId, projectId, prompt: "a counter", provider: "offline", model: "m" })
    return id
  }

  describe("users", () => {
    it("stores the email lower-cased and finds it in any case", async () => {
      const user = await store.users.create({ email: "Ada@Example.COM", passwordHash: "h" })
      expect(user.email).toBe("ada@example.com")
      expect(user.createdAt).toBeInstanceOf(Date)
      expect((await store.users.byEmail("ADA@example.com"))?.id).toBe(user.id)
      expect((await store.users.byId(user.id))?.email).toBe("ada@example.com")
    })

    it("refuses a registered email in another case with DuplicateEmailError", async () => {
      await store.users.create({ email: "grace@example.com", passwordHash: "h" })
      const duplicate = store.users.create({ email: "Grace@EXAMPLE.com", passwordHash: "h" })
      await expect(duplicate).rejects.toBeInstanceOf(DuplicateEmailError)
      await expect(duplicate).rejects.toSatisfy(
        (error) => StudioError.isInstance(error) && error.code === "conflict",
      )
    })

    it("finds nothing for unknown or malformed ids and emails", async () => {
      expect(await store.users.byId(randomUUID())).toBeUndefined()
      expect(await store.users.byId("not-a-uuid")).toBeUndefined()
      expect(await store.users.byEmail("nobody@example.com")).toBeUndefined()
    })
  })

  describe("projects", () => {
    it("lists a user's projects, most recently updated first", async () => {
      const user = await newUser()
      const first = await store.projects.create(user.id, "First")
      const second = await store.projects.create(user.id, "Second")
      expect((await store.projects.list(user.id)).map((p) => p.name)).toEqual(["Second", "First"])

      const renamed = await store.projects.rename(user.id, first.id, "First, renamed")
      expect(renamed?.name).toBe("First, renamed")
      expect((await store.projects.list(user.id)).map((p) => p.id)).toEqual([first.id, second.id])
    })

    it("hides another user's project as if it did not exist", async () => {
      const { project } = await newProject()
      const stranger = await newUser()
      expect(await store.projects.get(stranger.id, project.id)).toBeUndefined()
      expect(await store.projects.rename(stranger.id, project.id, "Mine now")).toBeUndefined()
      expect(await store.projects.list(stranger.id)).toEqual([])
      expect(await store.projects.get(stranger.id, "not-a-uuid")).toBeUndefined()
    })
  })

  describe("versions", () => {
    // Reports are parsed when read, so the stored one is a real (if small) report.
    const REPORT = {
      verdict: "unverified" as const,
      reasons: ["no tests ran"],
      success: false,
      provider: "offline",
      model: "m",
      requirements: [],
      tests: [],
      errors: [],
    }

    it("numbers a project's versions v1..vN and keeps the parent", async () => {
      const { user, project } = await newProject()
      const v1 = await store.versions.create({ projectId: project.id, prompt: "p1", files: { "a.tsx": "1" } })
      const v2 = await store.versions.create({
        projectId: project.id,
        parentVersionId: v1.id,
        prompt: "p2",
        files: { "a.tsx": "2" },
        report: REPORT,
      })
      expect([v1.number, v2.number]).toEqual([1, 2])
      expect(v2.parentVersionId).toBe(v1.id)

      expect((await store.versions.list(user.id, project.id)).map((v) => v.number)).toEqual([1, 2])
      expect((await store.versions.latest(user.id, project.id))?.id).toBe(v2.id)
      expect(await store.versions.get(user.id, v2.id)).toMatchObject({
        files: { "a.tsx": "2" },
        report: REPORT,
      })
    })

    it("gives 10 concurrent creates for one project the numbers 1..10", async () => {
      const { user, project } = await newProject()
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.versions.create({ projectId: project.id, prompt: `p${i}`, files: {} }),
        ),
      )
      expect(created.map((v) => v.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect((await store.versions.list(user.id, project.id)).map((v) => v.number)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ])
    })

    it("counts each project on its own and marks the project updated", async () => {
      const { user, project } = await newProject()
      const other = await store.projects.create(user.id, "Other")
      await store.versions.create({ projectId: project.id, prompt: "p", files: {} })
      const first = await store.versions.create({ projectId: other.id, prompt: "p", files: {} })
      expect(first.number).toBe(1)
      expect((await store.projects.list(user.id))[0]?.id).toBe(other.id)
    })

    it("refuses a version for a project that does not exist", async () => {
      const create = store.versions.create({ projectId: randomUUID(), prompt: "p", files: {} })
      await expect(create).rejects.toSatisfy(
        (error) => StudioError.isInstance(error) && error.code === "not_found",
      )
    })

    it("hides another user's versions", async () => {
      const { project } = await newProject()
      const version = await store.versions.create({ projectId: project.id, prompt: "p", files: {} })
      const stranger = await newUser()
      expect(await store.versions.get(stranger.id, version.id)).toBeUndefined()
      expect(await store.versions.list(stranger.id, project.id)).toEqual([])
      expect(await store.versions.latest(stranger.id, project.id)).toBeUndefined()
    })
  })

  describe("runs", () => {
    it("records a run as queued, then its outcome once", async () => {
      const { user, project } = await newProject()
      const id = await newRun(user.id, project.id)
      expect(await store.runs.get(user.id, id)).toMatchObject({
        status: "queued",
        success: null,
        startedAt: null,
        workerId: null,
        finishedAt: null,
      })

      const version = await store.versions.create({
        projectId: project.id,
        prompt: "p",
        files: {},
        runId: id,
      })
      const finished = await store.runs.finish(id, {
        status: "succeeded",
        success: true,
        contract: { name: "Counter", summary: "counts", props: [], requirements: [] },
        scaffoldFiles: { "Counter.tsx": "x" },
        testFiles: { "Counter.test.tsx": "t" },
        testResults: [{ name: "R1: counts", status: "pass", durationMs: 3 }],
        repairAttempts: 1,
        versionId: version.id,
      })
      expect(finished).toMatchObject({ status: "succeeded", repairAttempts: 1, versionId: version.id })
      expect(finished?.finishedAt).toBeInstanceOf(Date)
      expect(await store.runs.finish(id, { status: "failed", success: false })).toBeUndefined()
      expect((await store.runs.get(user.id, id))?.status).toBe("succeeded")
    })

    it("keeps the seed's record of a run: the scaffold's files, the tests, their results, the repairs and the verdict", async () => {
      const { user, project } = await newProject()
      const id = await newRun(user.id, project.id)
      const record = {
        scaffoldFiles: { "src/components/Counter.tsx": "export default function Counter() { return 2 }\n" },
        testFiles: { "src/components/Counter.test.tsx": 'it("R1: counts", () => {})\n' },
        testResults: [
          { name: "R1: counts", requirementId: "R1", status: "pass" as const, durationMs: 3 },
          {
            name: "R2: resets",
            requirementId: "R2",
            status: "fail" as const,
            durationMs: 4,
            error: "expected 0",
          },
        ],
        repairAttempts: 2,
        verdict: "failed" as const,
        verdictReasons: ['1 test failed: "R2: resets"'],
      }
      await store.runs.finish(id, { status: "failed", success: false, ...record })
      // Read back as stored, not as finish returned it.
      expect(await store.runs.get(user.id, id)).toMatchObject({ ...record, status: "failed", success: false })

      // A run still going has no verdict, and the column takes only the protocol's verdicts.
      const going = await newRun(user.id, project.id)
      expect(await store.runs.get(user.id, going)).toMatchObject({
        verdict: null,
        verdictReasons: null,
        scaffoldFiles: null,
      })
      await expect(
        database.db.execute(sql`UPDATE testrun SET verdict = 'passed' WHERE id = ${going}`),
      ).rejects.toThrow()
    })

    it("starts a queued run once, after the run_queued events stored while it waited", async () => {
      const { user, project } = await newProject()
      const id = await newRun(user.id, project.id)
      const queued = (position: number) => (seq: number) => ({
        type: "run_queued",
        runId: id,
        seq,
        ts: 1,
        position,
      })
      expect(await store.events.appendWhileQueued(id, queued(2))).toMatchObject({ seq: 0, position: 2 })
      expect(await store.events.appendWhileQueued(id, queued(1))).toMatchObject({ seq: 1, position: 1 })

      const started = await store.runs.markStarted(id, "host:1:abc")
      expect(started?.nextSeq).toBe(2)
      expect(started?.run).toMatchObject({ status: "running", workerId: "host:1:abc" })
      expect(started?.run.startedAt).toBeInstanceOf(Date)
      // Once started, its seqs are the worker's: a late place is not stored, and nobody starts it again.
      expect(await store.events.appendWhileQueued(id, queued(0))).toBeUndefined()
      expect(await store.runs.markStarted(id, "host:2:def")).toBeUndefined()
      expect((await store.events.list(id, -1)).map((row) => row.seq)).toEqual([0, 1])
    })

    it("stores the places of many waiting runs in one batch, each at its own next seq, none for runs that left", async () => {
      const { user, project } = await newProject()
      const [waiting, moved, started, cancelled] = await Promise.all(
        Array.from({ length: 4 }, () => newRun(user.id, project.id)),
      )
      const place = (runId: string, position: number) => ({
        runId,
        make: (seq: number) => ({ type: "run_queued", runId, seq, ts: 1, position }),
      })
      await store.events.appendWhileQueued(moved!, place(moved!, 5).make)
      await store.runs.markStarted(started!, "w")
      await store.runs.finish(cancelled!, { status: "cancelled", success: false })

      const stored = await store.events.appendEachWhileQueued([
        place(waiting!, 3),
        place(moved!, 4),
        place(started!, 2),
        place(cancelled!, 1),
      ])
      expect([...stored.keys()].sort()).toEqual([waiting, moved].sort())
      expect(stored.get(waiting!)).toMatchObject({ seq: 0, position: 3 })
      expect(stored.get(moved!)).toMatchObject({ seq: 1, position: 4 })
      expect((await store.events.list(moved!, -1)).map((row) => row.event)).toMatchObject([
        { position: 5 },
        { position: 4 },
      ])
      expect(await store.events.list(started!, -1)).toEqual([])
      expect(await store.events.list(cancelled!, -1)).toEqual([])
      expect(await store.events.appendEachWhileQueued([])).toEqual(new Map())
    })

    it("never gives a batch's run_queued and a worker's first event the same seq, however they interleave", async () => {
      const { user, project } = await newProject()
      const ids = await Promise.all(Array.from({ length: 6 }, () => newRun(user.id, project.id)))
      const batch = () =>
        store.events.appendEachWhileQueued(
          ids.map((runId) => ({
            runId,
            make: (seq: number) => ({ type: "run_queued", runId, seq, ts: 1, position: 1 }),
          })),
        )
      const [, starts] = await Promise.all([
        batch(),
        Promise.all(ids.map((id) => store.runs.markStarted(id, "w"))),
        batch(),
      ])
      for (const [index, id] of ids.entries()) {
        const stored = (await store.events.list(id, -1)).map((row) => row.seq)
        expect(stored).toEqual(stored.map((_, seq) => seq))
        expect(starts[index]?.nextSeq).toBe(stored.length)
      }
    })

    it("starts a run with no events at seq 0, and never one that ended while queued", async () => {
      const { user, project } = await newProject()
      const fresh = await newRun(user.id, project.id)
      expect((await store.runs.markStarted(fresh, "w"))?.nextSeq).toBe(0)
      const cancelled = await newRun(user.id, project.id)
      expect(await store.runs.finish(cancelled, { status: "cancelled", success: false })).toMatchObject({
        status: "cancelled",
      })
      expect(await store.runs.markStarted(cancelled, "w")).toBeUndefined()
      expect(
        await store.events.appendWhileQueued(cancelled, (seq) => ({ type: "run_queued", seq })),
      ).toBeUndefined()
    })

    it("never gives a late run_queued and the worker's first event the same seq, however they interleave", async () => {
      const { user, project } = await newProject()
      const ids = await Promise.all(Array.from({ length: 8 }, () => newRun(user.id, project.id)))
      await Promise.all(
        ids.map(async (id) => {
          const place = (seq: number) => ({ type: "run_queued", runId: id, seq, ts: 1, position: 1 })
          const [, , started] = await Promise.all([
            store.events.appendWhileQueued(id, place),
            store.events.appendWhileQueued(id, place),
            store.runs.markStarted(id, "w"),
            store.events.appendWhileQueued(id, place),
          ])
          const stored = (await store.events.list(id, -1)).map((row) => row.seq)
          expect(stored).toEqual(stored.map((_, index) => index))
          expect(started?.nextSeq).toBe(stored.length)
        }),
      )
    })

    it("hides another user's run", async () => {
      const { user, project } = await newProject()
      const id = await newRun(user.id, project.id)
      expect(await store.runs.get((await newUser()).id, id)).toBeUndefined()
    })

    it("marks every queued or running run interrupted and keeps its events", async () => {
      const { user, project } = await newProject()
      const cutOff = [await newRun(user.id, project.id), await newRun(user.id, project.id)]
      await store.runs.markStarted(cutOff[0]!, "w")
      const done = await newRun(user.id, project.id)
      await store.runs.finish(done, { status: "failed", success: false })
      // Events are parsed when read, so these are real ones.
      await store.events.append(cutOff[0]!, 0, {
        type: "run_started",
        runId: cutOff[0]!,
        seq: 0,
        ts: 1,
        prompt: "p",
        provider: "offline",
        model: "m",
      })
      expect(await store.runs.running()).toContain(cutOff[0])

      const interrupted = await store.runs.markInterrupted("The studio restarted during this run.")
      expect(interrupted).toEqual(expect.arrayContaining(cutOff))
      expect(interrupted).not.toContain(done)
      expect(await store.runs.running()).toEqual([])
      // A run cut off is not verified, and its record says why, as its closing run_finished does.
      expect(await store.runs.get(user.id, cutOff[0]!)).toMatchObject({
        status: "interrupted",
        verdict: "unverified",
        verdictReasons: ["The studio restarted during this run.", "no tests ran"],
      })
      expect((await store.runs.get(user.id, done))?.status).toBe("failed")
      expect(await store.events.list(cutOff[0]!, -1)).toHaveLength(1)
    })
  })

  describe("events", () => {
    it("lists exactly the events after a seq, in order", async () => {
      const { user, project } = await newProject()
      const runId = await newRun(user.id, project.id)
      // Appended out of order on purpose: the list must come back ordered by seq.
      for (const seq of [3, 0, 1, 4, 2, 5])
        await store.events.append(runId, seq, {
          type: "token",
          runId,
          seq,
          ts: 1,
          path: "src/A.tsx",
          delta: `${seq}`,
        })

      const all = await store.events.list(runId, -1)
      expect(all.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5])
      expect(all[2]).toMatchObject({ runId, type: "token", event: { type: "token", delta: "2" } })
      expect((await store.events.list(runId, 2)).map((e) => e.seq)).toEqual([3, 4, 5])
      expect((await store.events.list(runId, 0, 2)).map((e) => e.seq)).toEqual([1, 2])
      expect(await store.events.list(runId, 5)).toEqual([])
      expect(await store.events.lastSeq(runId)).toBe(5)
      // An event this studio never wrote is an internal error, not an untyped value handed on.
      await store.events.append(runId, 6, { type: "token", delta: "no envelope" })
      await expect(store.events.list(runId, 5)).rejects.toMatchObject({ code: "internal" })
    })

    it("has no last seq for a run without events and refuses a repeated seq", async () => {
      const { user, project } = await newProject()
      const runId = await newRun(user.id, project.id)
      expect(await store.events.lastSeq(runId)).toBeUndefined()
      await store.events.append(runId, 0, { type: "run_started" })
      await expect(store.events.append(runId, 0, { type: "run_started" })).rejects.toThrow()
    })
  })

  describe("plugins", () => {
    const manifest = (name: string, version: string, costEstimate = 40) => ({
      name,
      packageName: name,
      version,
      description: `${name} checks the files`,
      inputs: [".tsx"],
      outputs: ["diagnostics"],
      command: `npx ${name} .`,
      costEstimate,
      compatibility: ["react@19"],
    })

    it("stores the seed's manifest fields as columns, replaces by name and lists by name", async () => {
      await store.plugins.upsert([])
      await store.plugins.upsert([manifest("zeta-lint", "1.0.0"), manifest("alpha-check", "1.0.0")])
      await store.plugins.upsert([manifest("zeta-lint", "2.0.0"), manifest("zeta-lint", "3.0.0", 12.6)])
      const listed = (await store.plugins.list()).filter((plugin) => plugin.name.includes("-"))
      expect(listed).toEqual([
        { ...manifest("alpha-check", "1.0.0"), source: "builtin" },
        { ...manifest("zeta-lint", "3.0.0", 13), source: "builtin" },
      ])
      const rows = await database.db
        .select({
          name: pluginManifests.name,
          cost: pluginManifests.costEstimate,
          source: pluginManifests.source,
        })
        .from(pluginManifests)
        .where(eq(pluginManifests.name, "zeta-lint"))
      expect(rows).toEqual([{ name: "zeta-lint", cost: 13, source: "builtin" }])
    })

    it("replaces the built-ins at start: one the installation no longer has is removed", async () => {
      await store.plugins.replaceBuiltins([manifest("old-tool", "1.0.0"), manifest("kept-tool", "1.0.0")])
      await store.plugins.replaceBuiltins([manifest("kept-tool", "1.1.0")])
      const names = (await store.plugins.list()).map((plugin) => `${plugin.name}@${plugin.version}`)
      expect(names).toEqual(["kept-tool@1.1.0"])
    })

    it("keeps the custom plugins (STUDIO_PLUGINS_DIR) apart: each source is replaced on its own", async () => {
      await store.plugins.replaceCustom([manifest("acme-lint", "1.0.0"), manifest("gone-check", "1.0.0")])
      await store.plugins.replaceBuiltins([manifest("kept-tool", "1.2.0")])
      await store.plugins.replaceCustom([manifest("acme-lint", "1.1.0")])
      const listed = await store.plugins.list()
      expect(listed.map((plugin) => `${plugin.name}@${plugin.version}:${plugin.source}`)).toEqual([
        "acme-lint@1.1.0:custom",
        "kept-tool@1.2.0:builtin",
      ])
      await store.plugins.replaceCustom([])
      expect((await store.plugins.list()).map((plugin) => plugin.name)).toEqual(["kept-tool"])
    })

    it("refuses, as an internal error, a stored row that is no manifest", async () => {
      await database.db.insert(pluginManifests).values({
        ...manifest("broken-row", "1.0.0"),
        inputs: "not a list" as unknown as string[],
      })
      await expect(store.plugins.list()).rejects.toMatchObject({ code: "internal" })
      await database.db.delete(pluginManifests).where(eq(pluginManifests.name, "broken-row"))
      expect((await store.plugins.list()).map((plugin) => plugin.name)).not.toContain("broken-row")
    })
  })

  describe("observations", () => {
    async function newObservation() {
      const { user, project } = await newProject()
      const runId = await newRun(user.id, project.id)
      const id = await store.observations.create({
        runId,
        userId: user.id,
        projectId: project.id,
        promptHash: "abc",
        diffPatch: "--- a\n+++ b\n",
        testMetrics: { passed: 3, failed: 0 },
        latencyMs: 1200,
      })
      return { user, project, runId, id }
    }

    it("accepts a vote only from the observation's owner", async () => {
      const { user, id } = await newObservation()
      const stranger = await newUser()
      expect(await store.observations.setSatisfaction(stranger.id, id, -1)).toBe(false)
      expect(await store.observations.setSatisfaction(user.id, randomUUID(), 1)).toBe(false)
      expect(await store.observations.setSatisfaction(user.id, "not-a-uuid", 1)).toBe(false)
      expect(await store.observations.setSatisfaction(user.id, id, 1)).toBe(true)
      expect(await store.observations.list(user.id)).toMatchObject([{ id, userSatisfaction: 1 }])
      expect(await store.observations.list(stranger.id)).toEqual([])
    })

    it("stores the prompt's hash, the diff against the parent version, the latency and the vote", async () => {
      const { user, project } = await newProject()
      const runId = await newRun(user.id, project.id)
      const parent = { "src/components/Counter.tsx": "one\ntwo\n" }
      const child = { "src/components/Counter.tsx": "one\n2\n", "src/components/Counter.test.tsx": "t\n" }
      const diffPatch = unifiedDiff(parent, child)
      const id = await store.observations.create({
        runId,
        userId: user.id,
        projectId: project.id,
        promptHash: hashPrompt("Make the  button RED"),
        diffPatch,
        testMetrics: { passed: 2 },
        latencyMs: 4321,
      })
      expect(await store.observations.setSatisfaction(user.id, id, 1)).toBe(true)
      const [stored] = await store.observations.list(user.id)
      expect(stored).toMatchObject({
        id,
        runId,
        promptHash: hashPrompt("make the button red"),
        diffPatch,
        latencyMs: 4321,
        userSatisfaction: 1,
      })
      expect(stored?.diffPatch).toContain("+++ b/src/components/Counter.test.tsx")
      expect(diffSize(stored?.diffPatch ?? "")).toEqual({ files: 2, additions: 2, deletions: 1 })
      // A vote is a thumb: up or down, nothing else.
      await expect(
        database.db.execute(sql`UPDATE studioobservation SET user_satisfaction = 5 WHERE id = ${id}`),
      ).rejects.toThrow()
    })

    it("lists a user's observations newest first, up to the limit", async () => {
      const { user, project, runId, id: first } = await newObservation()
      // "Newest" is by created_at, which two inserts in the same clock tick share (PGlite's clock is coarser than
      // PostgreSQL's): the second is written on a later tick.
      await new Promise((resolve) => setTimeout(resolve, 5))
      const second = await store.observations.create({
        runId,
        userId: user.id,
        projectId: project.id,
        promptHash: "def",
        diffPatch: "",
        testMetrics: {},
        latencyMs: 5,
      })
      expect((await store.observations.list(user.id)).map((o) => o.id)).toEqual([second, first])
      expect((await store.observations.list(user.id, 1)).map((o) => o.id)).toEqual([second])
    })
  })
})
