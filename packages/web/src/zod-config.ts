import { z } from "zod"

// The studio page's policy has no 'unsafe-eval'. Without this, zod probes `new Function` (the throw is caught, but the
// browser still reports a CSP violation) to compile its object parsers. main.tsx imports this module first, so it
// runs before any schema is made.
z.config({ jitless: true })
