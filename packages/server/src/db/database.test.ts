import { randomUUID } from "node:crypto"
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import path from "node:path"
import { count, sql } from "drizzle-orm"
import { readMigrationFiles } from "drizzle-orm/migrator"
import { pgSchema, serial } from "drizzle-orm/pg-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DatabaseOpenError, MIGRATIONS_FOLDER, openDatabase } from "./database"
import { createStore } from "./store"
import {
  INITDB_TIMEOUT_MS,
  createTestDatabase,
  testDataRoot,
  testDialects,
  type TestDatabase,
  type TestDialect,
  withInitdbCluster,
} from "./test-databases"

// drizzle's own record of the migrations it applied.
const drizzleMigrations = pgSchema("drizzle").table("__drizzle_migrations", { id: serial("id") })

describe.each(testDialects())("openDatabase on %s", (dialect) => {
  let testDatabase: TestDatabase

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect)
  }, INITDB_TIMEOUT_MS)
  afterAll(() => testDatabase.dispose())

  it("migrates a fresh database, and reopening it keeps the data and applies nothing twice", async () => {
    const first = await testDatabase.open()
    expect(first.dialect).toBe(dialect)
    await first.ping()
    const user = await createStore(first).users.create({ email: "keep@example.com", passwordHash: "h" })
    await first.close()

    const again = await testDatabase.open()
    expect((await createStore(again).users.byId(user.id))?.email).toBe("keep@example.com")
    const [applied] = await again.db.select({ count: count() }).from(drizzleMigrations)
    expect(applied?.count).toBe(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length)
    await again.close()
  })

  // PGlite is embedded, one process per data folder; only PostgreSQL can see two servers start at once.
  it.runIf(dialect === "postgres")(
    "lets two servers migrate one fresh database at the same time",
    async () => {
      const fresh = await createTestDatabase(dialect)
      try {
        const [a, b] = await Promise.all([fresh.open(), fresh.open()])
        await Promise.all([a.ping(), b.ping()])
      } finally {
        await fresh.dispose()
      }
    },
  )
})

describe("openDatabase", () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(testDataRoot(), "studio-db-open-"))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it(
    "upgrades a database whose plugin table still holds (id, manifest) rows to the manifest columns",
    async () => {
      const before = await migrationsBefore(dataDir, "0003_plugin_manifest_columns")
      // From a copy of a made cluster: initdb itself is tested once, by "creates the PGlite data folder on first start".
      const folder = await withInitdbCluster(path.join(dataDir, "upgrade"))
      const old = await openDatabase({ dataDir: folder, migrationsFolder: before })
      await old.db.execute(
        sql`INSERT INTO pluginmanifest (id, manifest) VALUES ('eslint', '{"id":"eslint","version":"8"}')`,
      )
      await old.close()

      const upgraded = await openDatabase({ dataDir: folder })
      const store = createStore(upgraded)
      expect(await store.plugins.list()).toEqual([])
      await store.plugins.upsert([
        {
          name: "eslint",
          packageName: "eslint",
          version: "9.0.0",
          description: "lints",
          inputs: [".tsx"],
          outputs: [],
          command: "eslint .",
          costEstimate: 80,
          compatibility: [],
        },
      ])
      expect((await store.plugins.list()).map((plugin) => [plugin.name, plugin.version])).toEqual([
        ["eslint", "9.0.0"],
      ])
      await upgraded.close()
    },
    INITDB_TIMEOUT_MS,
  )

  it(
    "says a first start's migration failed, naming the folder, and the next start says it again",
    async () => {
      const migrations = path.join(dataDir, "broken-migrations")
      await cp(MIGRATIONS_FOLDER, migrations, { recursive: true })
      const [first] = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER })
      expect(first).toBeDefined()
      const journal = JSON.parse(await readFile(path.join(migrations, "meta", "_journal.json"), "utf8")) as {
        entries: { tag: string }[]
      }
      await writeFile(path.join(migrations, `${journal.entries[0]!.tag}.sql`), "THIS IS NOT SQL;")
      const folder = await withInitdbCluster(path.join(dataDir, "broken"))
      const message = `Cannot migrate the embedded database in ${path.join(folder, "pglite")}: `
      for (let start = 0; start < 2; start++) {
        const open = openDatabase({ dataDir: folder, migrationsFolder: migrations })
        await expect(open).rejects.toBeInstanceOf(DatabaseOpenError)
        await expect(open).rejects.toThrow(message)
      }
    },
    INITDB_TIMEOUT_MS,
  )

  it(
    "creates the PGlite data folder on first start",
    async () => {
      const nested = path.join(dataDir, "not", "yet", "there")
      const database = await openDatabase({ dataDir: nested })
      expect(database.dialect).toBe("pglite")
      await database.close()
      await database.close() // closing twice is harmless
    },
    INITDB_TIMEOUT_MS,
  )

  it("refuses a URL that is not postgres://, without echoing its password", async () => {
    const open = openDatabase({ dataDir, databaseUrl: "mysql://me:secret@localhost/db" })
    await expect(open).rejects.toBeInstanceOf(DatabaseOpenError)
    await expect(open).rejects.toThrow(/must be a postgres:\/\/ URL, got mysql:\/\/me:\*\*\*@localhost\/db/)
    await expect(openDatabase({ dataDir, databaseUrl: "not a url" })).rejects.toThrow(/unparsable/)
  })

  it("says clearly that an unreachable server cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const open = openDatabase({ dataDir, databaseUrl: "postgres://me:secret@127.0.0.1:1/studio" })
    await expect(open).rejects.toBeInstanceOf(DatabaseOpenError)
    await expect(open).rejects.toThrow(
      "Cannot open the PostgreSQL database at postgres://me:***@127.0.0.1:1/studio: connect ECONNREFUSED 127.0.0.1:1",
    )
  })
})

/** The migrations as they were before `tag`, in a folder of their own under `dir`. */
async function migrationsBefore(dir: string, tag: string): Promise<string> {
  const before = path.join(dir, `migrations-before-${tag}`)
  await cp(MIGRATIONS_FOLDER, before, { recursive: true })
  const journalPath = path.join(before, "meta/_journal.json")
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] }
  const upgrade = journal.entries.findIndex((entry) => entry.tag === tag)
  expect(upgrade).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, upgrade)
  await writeFile(journalPath, JSON.stringify(journal))
  return before
}

/** One database, opened first with the migrations before `tag`, then with all of them (PGlite or PostgreSQL). */
async function upgradableDatabase(dialect: TestDialect, dir: string, tag: string) {
  const before = await migrationsBefore(dir, tag)
  if (dialect === "pglite") {
    const folder = await withInitdbCluster(path.join(dir, `upgrade-${tag}`))
    return {
      openOld: () => openDatabase({ dataDir: folder, migrationsFolder: before }),
      openNew: () => openDatabase({ dataDir: folder }),
      dispose: async () => {},
    }
  }
  const database = await createTestDatabase(dialect)
  return {
    openOld: () => database.open({ migrationsFolder: before }),
    openNew: () => database.open(),
    dispose: () => database.dispose(),
  }
}

describe.each(testDialects())("upgrading to 0004 on %s", (dialect) => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(testDataRoot(), "studio-db-upgrade-"))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it(
    "upgrades runs recorded before 0004: their rows survive, and a stored run_finished gives its verdict",
    async () => {
      const database = await upgradableDatabase(dialect, dataDir, "0004_run_records")
      const old = await database.openOld()
      const oldStore = createStore(old)
      const user = await oldStore.users.create({ email: "old@example.com", passwordHash: "h" })
      const project = await oldStore.projects.create(user.id, "Old")
      const [judged, older, going] = [randomUUID(), randomUUID(), randomUUID()]
      // The old columns only: the repositories of today would ask for the new ones.
      for (const [id, status] of [
        [judged, "failed"],
        [older, "succeeded"],
        [going, "running"],
      ] as const)
        await old.db.execute(
          sql`INSERT INTO testrun (id, user_id, project_id, prompt, provider, model, status, scaffold_files, repair_attempts, success)
              VALUES (${id}, ${user.id}, ${project.id}, 'a counter', 'offline', 'm', ${status},
                      '{"src/components/Counter.tsx":"x"}'::jsonb, 1, ${status === "succeeded"})`,
        )
      const finished = (runId: string, seq: number, fields: Record<string, unknown>) =>
        oldStore.events.append(runId, seq, {
          type: "run_finished",
          runId,
          seq,
          ts: 1,
          success: false,
          metrics: { durations: {}, tokens: { prompt: 0, completion: 0 }, repairAttempts: 0 },
          ...fields,
        })
      await finished(judged, 0, { verdict: "unverified", reasons: ["cut off"] })
      // The last run_finished counts.
      await finished(judged, 1, { verdict: "failed", reasons: ['1 test failed: "R2"'] })
      // From before verdicts: nothing to copy.
      await finished(older, 0, { success: true })
      await old.close()

      const upgraded = await database.openNew()
      const store = createStore(upgraded)
      expect(await store.runs.get(user.id, judged)).toMatchObject({
        status: "failed",
        scaffoldFiles: { "src/components/Counter.tsx": "x" },
        repairAttempts: 1,
        verdict: "failed",
        verdictReasons: ['1 test failed: "R2"'],
      })
      expect(await store.runs.get(user.id, older)).toMatchObject({
        status: "succeeded",
        success: true,
        verdict: null,
      })
      expect(await store.runs.get(user.id, going)).toMatchObject({ status: "running", verdict: null })
      expect((await store.events.list(judged, -1)).map((row) => row.seq)).toEqual([0, 1])
      await upgraded.close()
      await database.dispose()
    },
    INITDB_TIMEOUT_MS,
  )
})
