import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { count } from "drizzle-orm"
import { readMigrationFiles } from "drizzle-orm/migrator"
import { pgSchema, serial } from "drizzle-orm/pg-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DatabaseOpenError, MIGRATIONS_FOLDER, openDatabase } from "./database"
import { createStore } from "./store"
import { INITDB_TIMEOUT_MS, createTestDatabase, testDialects, type TestDatabase } from "./test-databases"

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
    dataDir = await mkdtemp(path.join(tmpdir(), "studio-db-open-"))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

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
