import type { Redis } from "ioredis"
import type { RedisKeys } from "./redis-connection"

// The per-user cap, atomic in Redis (open-source BullMQ has no per-group concurrency). Every run is a BullMQ job
// from the moment it is enqueued; the gate decides whether it is admitted (the job waits for a worker) or held back
// (the job is parked as delayed until one of the user's admitted runs ends, then promoted). Keeping the held runs in
// BullMQ too means a process that dies between the gate and BullMQ leaves a job that can still be found and started.

/** Records the run (idempotent: a retried enqueue gets the same answer) and admits it if its user has room. */
const ADMIT = `
redis.call("SET", KEYS[4], ARGV[3])
local runId = ARGV[1]
if redis.call("HEXISTS", KEYS[1], runId) == 1 then
  if redis.call("SISMEMBER", KEYS[2], runId) == 1 then return {1, 0} end
  return {0, redis.call("LPOS", KEYS[3], runId) or 0}
end
redis.call("HSET", KEYS[1], runId, ARGV[2])
if redis.call("SCARD", KEYS[2]) < tonumber(ARGV[3]) then
  redis.call("SADD", KEYS[2], runId)
  return {1, 0}
end
redis.call("RPUSH", KEYS[3], runId)
return {0, redis.call("LLEN", KEYS[3]) - 1}
`

/**
 * Forgets an ended (or cancelled, or lost) run and admits its user's next held runs while there is room. Only the
 * first call for a run gets {1, job, admitted...}; later ones get {0}: this is what makes the hooks of a run's end
 * run in one process only, however many see it end.
 */
const RELEASE = `
local runId = ARGV[1]
local job = redis.call("HGET", KEYS[1], runId)
if not job then return {0} end
redis.call("HDEL", KEYS[1], runId)
local userId = cjson.decode(job).userId
local active = ARGV[2] .. userId .. ":active"
local waiting = ARGV[2] .. userId .. ":waiting"
redis.call("SREM", active, runId)
redis.call("LREM", waiting, 0, runId)
local cap = tonumber(redis.call("GET", KEYS[2]) or "1")
local result = {1, job}
while redis.call("SCARD", active) < cap do
  local nextId = redis.call("LPOP", waiting)
  if not nextId then break end
  redis.call("SADD", active, nextId)
  table.insert(result, nextId)
end
return result
`

interface GateCommands {
  studioGateAdmit(...args: (string | number)[]): Promise<[number, number]>
  studioGateRelease(...args: (string | number)[]): Promise<(string | number)[]>
}

export type Admission = { admitted: true } | { admitted: false; heldAhead: number }
export type Release = { jobJson: string; admittedRunIds: string[] } | undefined

export interface RunGate {
  admit(runId: string, userId: string, jobJson: string, userConcurrency: number): Promise<Admission>
  /** Undefined when the run was already released (by another process, or never enqueued). */
  release(runId: string): Promise<Release>
  /** The held runs ahead of this one in its user's line, or undefined when it is not held. */
  heldAhead(runId: string, userId: string): Promise<number | undefined>
}

export function createRunGate(client: Redis, keys: RedisKeys): RunGate {
  client.defineCommand("studioGateAdmit", { numberOfKeys: 4, lua: ADMIT })
  client.defineCommand("studioGateRelease", { numberOfKeys: 2, lua: RELEASE })
  const commands = client as unknown as GateCommands
  return {
    async admit(runId, userId, jobJson, userConcurrency) {
      const [admitted, heldAhead] = await commands.studioGateAdmit(
        keys.gateRuns,
        keys.userActive(userId),
        keys.userWaiting(userId),
        keys.gateCap,
        runId,
        jobJson,
        userConcurrency,
      )
      return admitted === 1 ? { admitted: true } : { admitted: false, heldAhead }
    },
    async release(runId) {
      const [released, jobJson, ...admitted] = await commands.studioGateRelease(
        keys.gateRuns,
        keys.gateCap,
        runId,
        keys.gateUser,
      )
      if (released !== 1 || typeof jobJson !== "string") return undefined
      return { jobJson, admittedRunIds: admitted.map(String) }
    },
    async heldAhead(runId, userId) {
      const index = await client.lpos(keys.userWaiting(userId), runId)
      return index ?? undefined
    },
  }
}
