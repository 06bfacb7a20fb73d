import { Button } from "@studio/kit/components/ui/button"
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@studio/kit/components/ui/dialog"
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@studio/kit/components/ui/dropdown-menu"
import { Input } from "@studio/kit/components/ui/input"
import { API_LIMITS } from "@studio/protocol"
import { ChevronsUpDown, FolderPlus, Pencil } from "lucide-react"
import { useId, useState, type FormEvent } from "react"
import { useNavigate } from "react-router"
import { useServices } from "../../services/services-context"
import { useStudioStore } from "../../state/studio-store"

type Editing = { kind: "create" } | { kind: "rename"; projectId: string; name: string } | null

/** Switch, create and rename projects. */
export function ProjectSelector() {
  const { controller } = useServices()
  const navigate = useNavigate()
  const projects = useStudioStore((state) => state.projects)
  const currentId = useStudioStore((state) => state.currentProjectId)
  const current = projects.find((project) => project.id === currentId)
  const [editing, setEditing] = useState<Editing>(null)

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" className="max-w-64 gap-1.5 font-medium" aria-label="Project">
            <span className="truncate">{current?.name ?? "Projects"}</span>
            <ChevronsUpDown className="text-muted-foreground size-3.5" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuLabel className="text-muted-foreground text-xs font-normal">
            Projects
          </DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={currentId ?? ""}
            onValueChange={(projectId) => void navigate(`/projects/${projectId}`)}
          >
            {projects.map((project) => (
              <DropdownMenuRadioItem key={project.id} value={project.id} className="truncate">
                {project.name}
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setEditing({ kind: "create" })}>
            <FolderPlus aria-hidden="true" /> New project
          </DropdownMenuItem>
          {current && (
            <DropdownMenuItem
              onSelect={() => setEditing({ kind: "rename", projectId: current.id, name: current.name })}
            >
              <Pencil aria-hidden="true" /> Rename project
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <ProjectNameDialog
        editing={editing}
        onClose={() => setEditing(null)}
        onSubmit={async (name) => {
          if (editing?.kind === "rename") await controller.renameProject(editing.projectId, name)
          else {
            await controller.createProject(name)
            const id = useStudioStore.getState().currentProjectId
            if (id) void navigate(`/projects/${id}`)
          }
        }}
      />
    </>
  )
}

function ProjectNameDialog({
  editing,
  onClose,
  onSubmit,
}: {
  editing: Editing
  onClose(): void
  onSubmit(name: string): Promise<void>
}) {
  const [name, setName] = useState("")
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  const open = editing !== null
  const creating = editing?.kind === "create"

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    try {
      await onSubmit(trimmed)
      onClose()
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : "That did not work.")
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose()
        else setName(editing?.kind === "rename" ? editing.name : "")
      }}
    >
      <DialogContent
        className="sm:max-w-md"
        onOpenAutoFocus={() => {
          setName(editing?.kind === "rename" ? editing.name : "")
          setError(null)
        }}
      >
        <form onSubmit={(event) => void submit(event)} className="space-y-4">
          <DialogHeader>
            <DialogTitle>{creating ? "New project" : "Rename project"}</DialogTitle>
            <DialogDescription>
              {creating
                ? "A project holds one component and its versions."
                : "Give the project a clearer name."}
            </DialogDescription>
          </DialogHeader>
          <div className="space-y-2">
            <label htmlFor={inputId} className="text-sm font-medium">
              Project name
            </label>
            <Input
              id={inputId}
              value={name}
              maxLength={API_LIMITS.projectNameChars}
              onChange={(event) => setName(event.target.value)}
              autoFocus
            />
            {error && (
              <p role="alert" className="text-fail text-sm">
                {error}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" disabled={!name.trim()}>
              {creating ? "Create project" : "Save name"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
