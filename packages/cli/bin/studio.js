#!/usr/bin/env node
// The `studio` command. The workspace ships TypeScript sources; tsx's loader compiles them as they load.
import { register } from "tsx/esm/api"

register()
const { main } = await import("../src/main.ts")
process.exitCode = await main(process.argv.slice(2))
