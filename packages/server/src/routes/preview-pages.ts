import type { FastifyInstance, FastifyReply } from "fastify"
import { z } from "zod"
import { PREVIEW_ROUTE_PREFIX, previewPagePolicy, scriptHash, serializeCsp } from "../content-security-policy"
import type { PreviewPageStore } from "../previews/preview-store"

/** Headers of every answer of the preview route: never cached, never sniffed, no referrer. */
const PREVIEW_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
} as const

// Tells the studio (when the page is its iframe) that the page is gone, so it can say so; "*" is the only target an
// opaque-origin frame can name, and the message says nothing secret.
const MISSING_SCRIPT =
  'if(window.parent!==window)window.parent.postMessage({source:"studio-preview",type:"error",' +
  'message:"This preview has expired or does not exist. Reload the preview to build it again."},"*")'

const MISSING_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Preview not found — AI Studio</title></head>
<body>
<p>This preview has expired or does not exist. Reload the preview in the studio to build it again.</p>
<script>${MISSING_SCRIPT}</script>
</body>
</html>
`

const MISSING_POLICY = serializeCsp({
  "default-src": ["'none'"],
  "script-src": [scriptHash(MISSING_SCRIPT)],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-ancestors": ["'self'"],
})

const params = z.object({ id: z.string().max(200) })

/**
 * `GET /preview/:id`: a page `POST /api/preview` built, without sign-in (the sandboxed iframe cannot send the token;
 * the unguessable, short-lived id is the capability), under the preview's own no-network policy as a header. An
 * unknown or expired id is a 404 page.
 */
export function registerPreviewPageRoute(app: FastifyInstance, previews: PreviewPageStore): void {
  app.get(`${PREVIEW_ROUTE_PREFIX}:id`, async (request, reply: FastifyReply) => {
    const parsed = params.safeParse(request.params)
    const page = parsed.success ? await previews.get(parsed.data.id) : undefined
    reply.headers(PREVIEW_HEADERS)
    if (!page) return reply.status(404).header("content-security-policy", MISSING_POLICY).send(MISSING_PAGE)
    return reply
      .status(200)
      .header("content-security-policy", previewPagePolicy(page.parentOrigin))
      .send(page.html)
  })
}
