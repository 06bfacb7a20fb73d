import { existsSync } from "node:fs"
import { readFile } from "node:fs/promises"
import path from "node:path"
import fastifyCompress from "@fastify/compress"
import fastifyStatic from "@fastify/static"
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { requestOrigin, studioPagePolicy } from "./content-security-policy"

/** Paths that belong to the server, never to the web app's client-side routes. */
const SERVER_PATHS = /^\/(api(\/|$)|preview(\/|$)|healthz$|readyz$|metrics$)/

const IMMUTABLE = "public, max-age=31536000, immutable"

/**
 * Headers for the studio's own pages, besides their Content-Security-Policy (`studioPagePolicy`): the previews are
 * pages of their own (`GET /preview/:id`, under their own policy), not srcdoc frames that would inherit this one.
 */
const PAGE_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
} as const

export interface WebAppOptions {
  /** The built app (Vite's dist); without one, pages answer 503 with how to build it. */
  dir: string | undefined
  /** Other origins a studio page may be loaded from (STUDIO_ORIGINS): their preview route may be framed too. */
  studioOrigins?: readonly string[]
}

export interface WebApp {
  /** Whether the built app was found at start-up. */
  readonly available: boolean
  /**
   * Answers a request no route matched with the app's index.html (client-side routes such as /sign-in or
   * /projects/x), when it is a page load; returns false to leave the request to the API's JSON 404.
   */
  servePage(request: FastifyRequest, reply: FastifyReply): Promise<boolean>
}

/**
 * Serves the built web app from `dir` (Vite's dist): hashed files under /assets/ cached for a year, everything else
 * revalidated, and index.html for any page load outside the API. Without a build, pages answer 503 with what to do.
 */
export async function registerWebApp(app: FastifyInstance, options: WebAppOptions): Promise<WebApp> {
  const { dir } = options
  const pageHeaders = (request: FastifyRequest) => ({
    ...PAGE_HEADERS,
    "content-security-policy": studioPagePolicy(requestOrigin(request), options.studioOrigins ?? []),
  })
  const indexPath = dir === undefined ? undefined : path.join(dir, "index.html")
  const available = indexPath !== undefined && existsSync(indexPath)
  if (dir !== undefined && available) {
    // Compression only for the app's files (its scripts shrink to about a third), in a scope of their own: the API's
    // answers, which carry tokens, are left as they are.
    await app.register(async (files) => {
      await files.register(fastifyCompress, { encodings: ["br", "gzip"] })
      await files.register(fastifyStatic, {
        root: dir,
        // `/` is the folder's index.html (with the page headers below); other folders are never listed.
        index: ["index.html"],
        list: false,
        wildcard: true,
        setHeaders(reply, filePath) {
          const relative = path.relative(dir, filePath).split(path.sep).join("/")
          reply.header("cache-control", relative.startsWith("assets/") ? IMMUTABLE : "no-cache")
          if (filePath.endsWith(".html")) reply.headers(pageHeaders(reply.request))
        },
      })
    })
  }

  return {
    available,
    async servePage(request, reply) {
      const pathname = request.url.split("?")[0] ?? "/"
      if (request.method !== "GET" && request.method !== "HEAD") return false
      if (SERVER_PATHS.test(pathname)) return false
      // A page load asks for HTML; a missing script or image must stay a 404, not become the app's page.
      if (pathname !== "/" && !String(request.headers.accept ?? "").includes("text/html")) return false
      reply.headers(pageHeaders(request)).header("cache-control", "no-cache").type("text/html; charset=utf-8")
      const html =
        indexPath === undefined ? undefined : await readFile(indexPath, "utf8").catch(() => undefined)
      if (html === undefined) {
        await reply.status(503).send(MISSING_BUILD_PAGE)
        return true
      }
      await reply.status(200).send(html)
      return true
    },
  }
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>AI Studio — web app not built</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<h1>The studio's web app is not built yet</h1>
<p>The API is running. Build the web app with <code>npm run build:web</code>, then restart the server.</p>
</body>
</html>
`
