// Fresh, throw-away databases for tests: PGlite always, PostgreSQL too when DATABASE_URL is set.
import { createHash, randomBytes } from "node:crypto"
import { accessSync, constants, existsSync, readdirSync, readFileSync } from "node:fs"
import { cp, mkdtemp, readFile, rename, rm } from "node:fs/promises"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import path from "node:path"
import { PGlite } from "@electric-sql/pglite"
import pg from "pg"
import { MIGRATIONS_FOLDER, openDatabase, type Database } from "./database"

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

/**
 * Where tests put their data folders: memory (/dev/shm) when the machine has it, else the temp folder. A test run
 * copies a 39 MB PGlite folder and deletes it again dozens of times; on a disk mounted with `discard` (this machine's)
 * each copy and delete cost close to a CPU-second, in memory a few hundredths.
 */
export function testDataRoot(): string {
  try {
    accessSync("/dev/shm", constants.W_OK)
    return "/dev/shm"
  } catch {
    return tmpdir()
  }
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(testDataRoot(), "studio-db-test-"))
  const databaseUrl = dialect === "postgres" ? await createPostgresDatabase() : undefined
  if (dialect === "pglite") await withInitdbCluster(dataDir)
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
 * A PGlite data folder right after initdb (no migrations yet), made once per PGlite version and kept in the test data
 * root: initdb is nearly all of PGlite's first start (seconds), and a copy of its result takes milliseconds.
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
  return keptTemplate(`studio-pglite-template-${version}`, "data", async (root) => {
    await (await PGlite.create(path.join(root, "data"))).close()
  })
}

/**
 * `dataDir` (a studio data folder) with a PGlite cluster in it that initdb has made and that holds nothing yet, as a
 * first start finds it once initdb is done: a copy of the kept template. Returns `dataDir`.
 */
export async function withInitdbCluster(dataDir: string): Promise<string> {
  await cp(await pgliteTemplate(), path.join(dataDir, "pglite"), { recursive: true })
  return dataDir
}

/**
 * An empty PGlite data folder with the studio's migrations applied, as a server's first start leaves it: made once
 * per PGlite version and set of migrations (from the initdb template) and kept, so a test server's new data folder
 * starts from a copy of it rather than from a new cluster.
 */
export async function migratedPgliteTemplate(): Promise<string> {
  const initdb = await pgliteTemplate()
  // The initdb template's path names the PGlite version; the migrations are hashed by name and content.
  const migrations = createHash("sha256").update(initdb)
  for (const name of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort())
    if (/\.(sql|json)$/.test(name))
      migrations.update(name).update(readFileSync(path.join(MIGRATIONS_FOLDER, name)))
  const name = `studio-pglite-migrated-${migrations.digest("hex").slice(0, 16)}`
  return keptTemplate(name, "pglite", async (root) => {
    await cp(initdb, path.join(root, "pglite"), { recursive: true })
    await (await openDatabase({ dataDir: root })).close()
  })
}

/** `<test data root>/<name>/<folder>`, made once by `make` (given the root to fill) and kept for later runs. */
async function keptTemplate(
  name: string,
  folder: string,
  make: (root: string) => Promise<void>,
): Promise<string> {
  const template = path.join(testDataRoot(), name)
  if (existsSync(template)) return path.join(template, folder)
  // Built aside and renamed into place, so a half-made template is never used; parallel files may race to it.
  const building = await mkdtemp(`${template}-building-`)
  try {
    await make(building)
    await rename(building, template)
  } catch (error) {
    await rm(building, { recursive: true, force: true })
    if (!existsSync(template)) throw error
  }
  return path.join(template, folder)
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
