// First: it configures zod before any schema is made (see the file).
import "./zod-config"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./app"
import { ApiClient } from "./services/api-client"
import { StudioController } from "./services/studio-controller"
import { useSessionStore } from "./state/session-store"
import "./styles.css"

const api = new ApiClient({
  getToken: () => useSessionStore.getState().token,
  onUnauthorized: () => controller.signOut(),
})
const socketUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/ws`
const controller = new StudioController({ api, socketUrl })

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App services={{ api, controller }} />
  </StrictMode>,
)
