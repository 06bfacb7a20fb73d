export { main } from "./main"
