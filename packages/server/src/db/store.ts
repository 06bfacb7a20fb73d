import type { Database } from "./database"
import { createEventRepository } from "./repositories/events"
import { createObservationRepository } from "./repositories/observations"
import { createPluginRepository } from "./repositories/plugins"
import { createProjectRepository } from "./repositories/projects"
import { createRunRepository } from "./repositories/runs"
import { createUserRepository } from "./repositories/users"
import { createVersionRepository } from "./repositories/versions"

/**
 * The studio's typed data access. Reads that take a `userId` only see that user's rows: another user's project,
 * version, run or observation is undefined (or an empty list), exactly like one that does not exist.
 * Timestamps are `Date` objects (JSON.stringify renders them as ISO strings).
 *
 * @example
 * const store = createStore(await openDatabase({ dataDir: ".studio" }))
 * const project = await store.projects.create(user.id, "Pricing table")
 */
export function createStore(database: Pick<Database, "db">) {
  const { db } = database
  return {
    users: createUserRepository(db),
    projects: createProjectRepository(db),
    versions: createVersionRepository(db),
    runs: createRunRepository(db),
    events: createEventRepository(db),
    plugins: createPluginRepository(db),
    observations: createObservationRepository(db),
  }
}

export type Store = ReturnType<typeof createStore>
