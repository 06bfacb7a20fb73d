export interface SocketLimiter {
  /** Counts one more open socket for the user; false (and nothing counted) when they already have the maximum. */
  acquire(userId: string): boolean
  /** Forgets one of the user's sockets; extra releases are ignored. */
  release(userId: string): void
  openSockets(userId: string): number
  /** Open sockets across all users. */
  total(): number
}

/** Caps how many WebSockets one user may hold open at once in this process. */
export function createSocketLimiter(options: { maxPerUser: number }): SocketLimiter {
  const { maxPerUser } = options
  if (!Number.isInteger(maxPerUser) || maxPerUser < 1) {
    throw new Error(`The socket limit must be a positive whole number (got ${maxPerUser}).`)
  }
  const counts = new Map<string, number>()
  let total = 0

  return {
    acquire(userId) {
      const open = counts.get(userId) ?? 0
      if (open >= maxPerUser) return false
      counts.set(userId, open + 1)
      total += 1
      return true
    },
    release(userId) {
      const open = counts.get(userId)
      if (open === undefined) return
      // Users without sockets leave the map, so it never grows with users who came and went.
      if (open <= 1) counts.delete(userId)
      else counts.set(userId, open - 1)
      total -= 1
    },
    openSockets: (userId) => counts.get(userId) ?? 0,
    total: () => total,
  }
}
