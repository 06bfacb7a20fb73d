import { lazy, Suspense, useEffect, type ReactNode } from "react"
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router"
import { AuthPage } from "./pages/auth-page"
import { ServicesProvider, useServices, type StudioServices } from "./services/services-context"
import { useSessionStore } from "./state/session-store"
import { StudioPage } from "./features/studio/studio-page"

// The insights page (charts) is not needed for the first paint of the studio.
const InsightsPage = lazy(() =>
  import("./features/insights/insights-page").then((m) => ({ default: m.InsightsPage })),
)

export function App({
  services,
  router = "browser",
}: {
  services: StudioServices
  router?: "browser" | "none"
}) {
  const routes = (
    <ServicesProvider services={services}>
      <SessionGate>
        <Routes>
          <Route path="/sign-in" element={<AuthPage mode="sign-in" />} />
          <Route path="/sign-up" element={<AuthPage mode="sign-up" />} />
          <Route
            path="/insights"
            element={
              <RequireSession>
                <Suspense fallback={<PageLoading />}>
                  <InsightsPage />
                </Suspense>
              </RequireSession>
            }
          />
          <Route path="/projects/:projectId" element={<RequireSession>{<StudioPage />}</RequireSession>} />
          <Route path="/" element={<RequireSession>{<StudioPage />}</RequireSession>} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </SessionGate>
    </ServicesProvider>
  )
  return router === "browser" ? <BrowserRouter>{routes}</BrowserRouter> : routes
}

/** Checks a stored token once, before anything that needs a session renders. */
function SessionGate({ children }: { children: ReactNode }) {
  const { controller } = useServices()
  const status = useSessionStore((state) => state.status)
  useEffect(() => {
    void controller.restoreSession()
  }, [controller])
  if (status === "checking") return <PageLoading />
  return children
}

function RequireSession({ children }: { children: ReactNode }) {
  const status = useSessionStore((state) => state.status)
  const location = useLocation()
  if (status !== "signed-in") return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />
  return children
}

function PageLoading() {
  return (
    <div className="text-muted-foreground flex h-full items-center justify-center text-sm" role="status">
      Loading…
    </div>
  )
}
