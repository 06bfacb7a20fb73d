import { hash, verify, type Algorithm } from "@node-rs/argon2"

// `Algorithm` is an ambient const enum, which verbatimModuleSyntax cannot read; 2 is its Argon2id member
// (the tests check the hashes really are argon2id).
const ARGON2ID = 2 as Algorithm.Argon2id

/** OWASP's argon2id baseline: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
}

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 256

/** Hashes a password with argon2id; the result is a PHC string carrying its own salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

/** True when `password` matches `passwordHash`; false (never a throw) for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** How the API hashes and checks passwords; tests wrap the real one to count the hashes. */
export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(passwordHash: string, password: string): Promise<boolean>
}

export const argon2Passwords: PasswordHasher = { hash: hashPassword, verify: verifyPassword }

/** Why a password is refused, or undefined when it is acceptable. Lengths count characters, not bytes. */
export function checkPasswordPolicy(password: string): string | undefined {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH)
    return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`
  if (length > PASSWORD_MAX_LENGTH) return `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`
  return undefined
}
