// Fresh, throw-away databases for tests: PGlite always, PostgreSQL too when DATABASE_URL is set.
import { createHash, randomBytes } from "node:crypto"
import { existsSync } from "node:fs"
import { cp, mkdtemp, readFile, rename, rm } from "node:fs/promises"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import path from "node:path"
import { PGlite } from "@electric-sql/pglite"
import pg from "pg"
import { openDatabase, type Database } from "./database"

export type TestDialect = Database["dialect"]

export type TestDatabase = {
  dialect: TestDialect
  /**
   * Opens (and migrates) the test database; may be called again after closing to test a reopen. `migrationsFolder`
   * (PostgreSQL only: a PGlite test database starts migrated) migrates it with other migrations, to test an upgrade.
   */
  open(options?: { migrationsFolder?: string }): Promise<Database>
  /** Closes what open() returned and deletes the database. */
  dispose(): Promise<void>
}

/** For hooks and tests that may run PGlite's initdb: seconds normally, far longer on a busy machine. */
export const INITDB_TIMEOUT_MS = 180_000

/** The dialects to run the store tests on. */
export function testDialects(): TestDialect[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "studio-db-test-"))
  const databaseUrl = dialect === "postgres" ? await createPostgresDatabase() : undefined
  if (dialect === "pglite")
    await cp(await pgliteTemplate(), path.join(dataDir, "pglite"), { recursive: true })
  const opened: Database[] = []
  return {
    dialect,
    async open(options = {}) {
      const database = await openDatabase({ dataDir, databaseUrl, ...options })
      opened.push(database)
      return database
    },
    async dispose() {
      await Promise.all(opened.map((database) => database.close()))
      if (databaseUrl) await dropPostgresDatabase(databaseUrl)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A PGlite data folder right after initdb (no migrations yet), made once per PGlite version and kept in the temp
 * folder: initdb is nearly all of PGlite's first start (seconds), and a copy of its result takes milliseconds.
 */
async function pgliteTemplate(): Promise<string> {
  const pglitePackage = path.join(
    createRequire(import.meta.url).resolve("@electric-sql/pglite"),
    "../../package.json",
  )
  const version = createHash("sha256")
    .update(await readFile(pglitePackage))
    .digest("hex")
    .slice(0, 16)
  const template = path.join(tmpdir(), `studio-pglite-template-${version}`)
  if (existsSync(template)) return path.join(template, "data")
  // Built aside and renamed into place, so a half-made template is never used; parallel files may race to it.
  const building = await mkdtemp(`${template}-building-`)
  await (await PGlite.create(path.join(building, "data"))).close()
  try {
    await rename(building, template)
  } catch (error) {
    await rm(building, { recursive: true, force: true })
    if (!existsSync(template)) throw error
  }
  return path.join(template, "data")
}

// Each test file gets its own database, so parallel files and repeated runs never see each other's rows.
async function createPostgresDatabase(): Promise<string> {
  const name = `studio_test_${randomBytes(6).toString("hex")}`
  await withAdminClient((client) => client.query(`create database ${name}`))
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

async function dropPostgresDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1)
  await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`))
}

async function withAdminClient(use: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    await use(client)
  } finally {
    await client.end()
  }
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error("DATABASE_URL is not set")
  return url
}
