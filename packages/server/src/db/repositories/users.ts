import { eq } from "drizzle-orm"
import type { StudioDb } from "../database"
import { DuplicateEmailError, isUniqueViolation } from "../errors"
import { users } from "../schema"
import { isUuid } from "./uuid"

/** An account. `passwordHash` is for the auth code only; never send it to a client. */
export type User = typeof users.$inferSelect

export function createUserRepository(db: StudioDb) {
  return {
    /** Creates an account; throws DuplicateEmailError when the email (in any case) is taken. */
    async create(input: { email: string; passwordHash: string }): Promise<User> {
      try {
        const [user] = await db
          .insert(users)
          .values({ email: input.email.toLowerCase(), passwordHash: input.passwordHash })
          .returning()
        return user!
      } catch (error) {
        if (isUniqueViolation(error, "users_email_unique")) throw new DuplicateEmailError(error)
        throw error
      }
    },

    async byEmail(email: string): Promise<User | undefined> {
      const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()))
      return user
    },

    async byId(id: string): Promise<User | undefined> {
      if (!isUuid(id)) return undefined
      const [user] = await db.select().from(users).where(eq(users.id, id))
      return user
    },
  }
}
