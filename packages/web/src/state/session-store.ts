import type { User } from "@studio/protocol"
import { create } from "zustand"

const TOKEN_KEY = "studio.token"

export type SessionStatus = "checking" | "signed-in" | "signed-out"

export interface SessionState {
  token: string | null
  user: User | null
  status: SessionStatus
  signedIn(token: string, user: User): void
  signedOut(): void
  checked(user: User): void
}

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token)
    else localStorage.removeItem(TOKEN_KEY)
  } catch {
    // Storage may be unavailable (private mode); the session then lasts as long as the page.
  }
}

/** Who is signed in. The token is kept in localStorage so a reload keeps the session. */
export const useSessionStore = create<SessionState>()((set) => {
  const token = readToken()
  return {
    token,
    user: null,
    status: token ? "checking" : "signed-out",
    signedIn: (token, user) => {
      writeToken(token)
      set({ token, user, status: "signed-in" })
    },
    signedOut: () => {
      writeToken(null)
      set({ token: null, user: null, status: "signed-out" })
    },
    checked: (user) => set({ user, status: "signed-in" }),
  }
})
