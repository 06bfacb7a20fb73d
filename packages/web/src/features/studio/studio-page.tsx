import { Code2, Eye, MessageSquare, SlidersHorizontal, Sparkles } from "lucide-react"
import { useEffect } from "react"
import { Link, useNavigate, useParams } from "react-router"
import { ChatPanel } from "../chat/chat-panel"
import { CodeView } from "../code-view/code-view"
import { DesignView } from "../design-view/design-view"
import { ProjectCost } from "../insights/project-cost"
import { PreviewPanel } from "../preview/preview-panel"
import { useServices } from "../../services/services-context"
import { useStudioStore } from "../../state/studio-store"
import { ConnectionStatus } from "./connection-status"
import { GeneratorBadge } from "./generator-badge"
import { ProjectSelector } from "./project-selector"
import { TabPanel, TubelightTabs } from "./tubelight-tabs"
import { UserMenu } from "./user-menu"
import { VersionActions } from "./version-actions"
import { VersionSelector } from "./version-selector"

/** The v0.dev-style workspace: top bar, Chat | Design on the left, Preview | Code on the right. */
export function StudioPage() {
  const { controller } = useServices()
  const { projectId } = useParams()
  const navigate = useNavigate()
  const activeWorkspace = useStudioStore((state) => state.activeWorkspace)
  const activeView = useStudioStore((state) => state.activeView)
  const setWorkspace = useStudioStore((state) => state.setWorkspace)
  const setView = useStudioStore((state) => state.setView)

  useEffect(() => {
    let cancelled = false
    controller
      .openStudio(projectId)
      .then((opened) => {
        if (!cancelled && opened !== projectId) void navigate(`/projects/${opened}`, { replace: true })
      })
      .catch((error: unknown) => controller.showError(error))
    return () => {
      cancelled = true
    }
  }, [controller, projectId, navigate])

  return (
    <div className="bg-background text-foreground flex h-full flex-col">
      <header className="flex h-12 shrink-0 items-center gap-2 border-b px-3">
        <Link
          to="/"
          className="flex items-center gap-2 rounded-md px-1 font-semibold tracking-tight"
          aria-label="AI Studio home"
        >
          <span className="bg-studio text-primary-foreground flex size-6 items-center justify-center rounded-md">
            <Sparkles className="size-3.5 text-white" aria-hidden="true" />
          </span>
          <span className="hidden sm:inline">AI Studio</span>
        </Link>
        <span className="text-muted-foreground/50" aria-hidden="true">
          /
        </span>
        <ProjectSelector />
        <ProjectCost />
        <div className="ml-auto flex items-center gap-3">
          <GeneratorBadge />
          <ConnectionStatus />
          <UserMenu />
        </div>
      </header>
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        <section
          aria-label="Workspace"
          className="flex min-h-0 w-full flex-col border-r md:w-[420px] md:shrink-0 lg:w-[460px]"
        >
          <TubelightTabs
            id="workspace"
            label="Workspace"
            value={activeWorkspace}
            onChange={setWorkspace}
            className="flex min-h-0 flex-1 flex-col"
            tabs={[
              {
                value: "chat",
                label: "Chat",
                icon: <MessageSquare className="size-3.5" aria-hidden="true" />,
              },
              {
                value: "design",
                label: "Design",
                icon: <SlidersHorizontal className="size-3.5" aria-hidden="true" />,
              },
            ]}
          >
            <TabPanel
              value="chat"
              className="flex min-h-0 flex-1 flex-col data-[state=inactive]:hidden"
              forceMount
            >
              <ChatPanel />
            </TabPanel>
            <TabPanel value="design" className="min-h-0 flex-1 overflow-auto data-[state=inactive]:hidden">
              <DesignView />
            </TabPanel>
          </TubelightTabs>
        </section>
        <section aria-label="Result" className="flex min-h-0 min-w-0 flex-1 flex-col">
          <TubelightTabs
            id="view"
            label="View"
            value={activeView}
            onChange={setView}
            className="flex min-h-0 flex-1 flex-col"
            trailing={
              <>
                <VersionSelector />
                <VersionActions />
              </>
            }
            tabs={[
              { value: "preview", label: "Preview", icon: <Eye className="size-3.5" aria-hidden="true" /> },
              { value: "code", label: "Code", icon: <Code2 className="size-3.5" aria-hidden="true" /> },
            ]}
          >
            <TabPanel
              value="preview"
              className="flex min-h-0 flex-1 flex-col data-[state=inactive]:hidden"
              forceMount
            >
              <PreviewPanel />
            </TabPanel>
            <TabPanel value="code" className="flex min-h-0 flex-1 flex-col data-[state=inactive]:hidden">
              <CodeView />
            </TabPanel>
          </TubelightTabs>
        </section>
      </div>
    </div>
  )
}
