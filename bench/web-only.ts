// `npm run bench:web`: only the web studio section of `npm run bench` (the others take many minutes).
import path from "node:path"
import { reportWebStudio } from "./web"

await reportWebStudio(path.resolve(import.meta.dirname, ".."))
