import { randomBytes } from "node:crypto"
import { StudioError } from "@studio/protocol"

/** A built preview page as `GET /preview/:id` serves it. */
export interface PreviewPage {
  html: string
  /** The studio origin that asked for it: the only page allowed to frame it. */
  parentOrigin: string
}

export interface StoredPreviewPage extends PreviewPage {
  expiresAt: Date
}

/**
 * Built preview pages, each under a new unguessable id for a few minutes. The id is the capability: whoever has it
 * may load the page (the sandboxed iframe cannot send the token), so it is random and short-lived, and a page holds
 * nothing but what its owner sent to be built. Async so a shared backend can stand behind it: the in-memory store
 * below serves a page only from the process that built it, so several instances behind a balancer need sticky
 * sessions or a shared store (e.g. Redis: SET id page PX ttl) implementing this interface.
 */
export interface PreviewPageStore {
  /** Keeps the page and answers its new id and when it expires. */
  put(ownerId: string, page: PreviewPage): Promise<{ id: string; expiresAt: Date }>
  /** The page under that id; undefined when there is none or it expired. */
  get(id: string): Promise<StoredPreviewPage | undefined>
}

export interface MemoryPreviewStoreOptions {
  /** How long a page is served after it was built. */
  ttlMs?: number
  /** Pages one user may hold at once; a new one replaces their oldest. */
  maxPerOwner?: number
  /** Pages held at once across all users; a new one replaces the oldest. */
  maxPages?: number
  /** Bytes of HTML held at once across all users; a new page replaces the oldest until it fits. */
  maxBytes?: number
  now?: () => number
}

export const PREVIEW_STORE_DEFAULTS = {
  ttlMs: 5 * 60_000,
  maxPerOwner: 16,
  maxPages: 512,
  maxBytes: 64 * 1024 * 1024,
} as const

/** 24 random bytes: 192 bits, 32 base64url characters. */
const ID_BYTES = 24
const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/

interface Entry {
  ownerId: string
  page: PreviewPage
  bytes: number
  expiresAt: number
}

/**
 * Preview pages in this process's memory, bounded three ways (per user, in count and in bytes) so no user, nor many,
 * can grow it without limit: the oldest page goes first. Pages are loaded right after they are built, so an evicted
 * or expired one only costs a rebuild (the studio's Reload).
 */
export function createMemoryPreviewStore(options: MemoryPreviewStoreOptions = {}): PreviewPageStore & {
  /** Pages and bytes held now (expired ones are dropped first). */
  usage(): { pages: number; bytes: number }
} {
  const { ttlMs, maxPerOwner, maxPages, maxBytes } = { ...PREVIEW_STORE_DEFAULTS, ...options }
  for (const [name, value] of Object.entries({ ttlMs, maxPerOwner, maxPages, maxBytes }))
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`The preview store's ${name} must be a positive whole number (got ${value}).`)
  const now = options.now ?? Date.now
  // Insertion order is expiry order (one TTL for all), so the oldest page is always the first.
  const pages = new Map<string, Entry>()
  const byOwner = new Map<string, Set<string>>()
  let bytes = 0

  const remove = (id: string) => {
    const entry = pages.get(id)
    if (!entry) return
    pages.delete(id)
    bytes -= entry.bytes
    const owned = byOwner.get(entry.ownerId)
    owned?.delete(id)
    if (owned?.size === 0) byOwner.delete(entry.ownerId)
  }
  const dropExpired = () => {
    const time = now()
    for (const [id, entry] of pages) {
      if (entry.expiresAt > time) break
      remove(id)
    }
  }
  const oldest = (ids: Iterable<string>) => ids[Symbol.iterator]().next().value as string | undefined

  return {
    async put(ownerId, page) {
      const size = Buffer.byteLength(page.html, "utf8")
      if (size > maxBytes)
        throw new StudioError("payload_too_large", "The preview page is too large to serve.")
      dropExpired()
      const owned = byOwner.get(ownerId)
      if (owned && owned.size >= maxPerOwner) remove(oldest(owned)!)
      while (pages.size > 0 && (pages.size >= maxPages || bytes + size > maxBytes))
        remove(oldest(pages.keys())!)
      const id = randomBytes(ID_BYTES).toString("base64url")
      const expiresAt = now() + ttlMs
      pages.set(id, {
        ownerId,
        page: { html: page.html, parentOrigin: page.parentOrigin },
        bytes: size,
        expiresAt,
      })
      bytes += size
      // Looked up again: evicting the owner's last page above dropped their set.
      byOwner.set(ownerId, (byOwner.get(ownerId) ?? new Set()).add(id))
      return { id, expiresAt: new Date(expiresAt) }
    },
    async get(id) {
      if (!ID_PATTERN.test(id)) return undefined
      dropExpired()
      const entry = pages.get(id)
      return entry ? { ...entry.page, expiresAt: new Date(entry.expiresAt) } : undefined
    },
    usage() {
      dropExpired()
      return { pages: pages.size, bytes }
    },
  }
}
