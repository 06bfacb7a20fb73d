// Entry of the toolchain worker thread: the engine ships TypeScript sources, so tsx compiles them in this thread too.
import { register } from "tsx/esm/api"

register()
await import("./toolchain-thread.ts")
