import { Button } from "@studio/kit/components/ui/button"
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@studio/kit/components/ui/dropdown-menu"
import { BarChart3, LogOut, Moon, Sun } from "lucide-react"
import { useNavigate } from "react-router"
import { useServices } from "../../services/services-context"
import { useSessionStore } from "../../state/session-store"
import { useTheme } from "./use-theme"

/** The account: who is signed in, insights, the studio's theme, sign out. */
export function UserMenu() {
  const { controller } = useServices()
  const user = useSessionStore((state) => state.user)
  const navigate = useNavigate()
  const [theme, setTheme] = useTheme()
  const initial = (user?.email ?? "?").slice(0, 1).toUpperCase()
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="rounded-full" aria-label="Account">
          <span className="bg-studio/15 text-studio flex size-7 items-center justify-center rounded-full text-xs font-semibold">
            {initial}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="truncate text-xs font-normal">
          <span className="text-muted-foreground block">Signed in as</span>
          <span className="text-foreground font-medium">{user?.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void navigate("/insights")}>
          <BarChart3 aria-hidden="true" /> Insights
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => setTheme(theme === "dark" ? "light" : "dark")}>
          {theme === "dark" ? <Sun aria-hidden="true" /> : <Moon aria-hidden="true" />}
          {theme === "dark" ? "Light theme" : "Dark theme"}
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          onSelect={() => {
            controller.signOut()
            void navigate("/sign-in", { replace: true })
          }}
        >
          <LogOut aria-hidden="true" /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
