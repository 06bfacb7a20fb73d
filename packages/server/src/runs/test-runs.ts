import { randomUUID } from "node:crypto"
import type { Store } from "../db/store"

/** For tests: a new user with a project and a queued run of `prompt` in it. */
export async function recordTestRun(
  store: Store,
  run: { prompt: string; provider: string },
): Promise<{ userId: string; projectId: string; runId: string }> {
  const user = await store.users.create({ email: `${randomUUID()}@example.com`, passwordHash: "h" })
  const project = await store.projects.create(user.id, "p")
  const runId = randomUUID()
  await store.runs.create({ id: runId, userId: user.id, projectId: project.id, model: "m", ...run })
  return { userId: user.id, projectId: project.id, runId }
}
