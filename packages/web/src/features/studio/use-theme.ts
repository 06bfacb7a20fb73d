import { useCallback, useSyncExternalStore } from "react"

type Theme = "light" | "dark"
const KEY = "studio.theme"
const listeners = new Set<() => void>()

function current(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light"
}

/** The studio's own light/dark theme (the `dark` class on <html>, saved for the next visit). */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    current,
    () => "light" as Theme,
  )
  const setTheme = useCallback((next: Theme) => {
    document.documentElement.classList.toggle("dark", next === "dark")
    try {
      localStorage.setItem(KEY, next)
    } catch {
      // Not saved; the theme still applies to this page.
    }
    for (const listener of listeners) listener()
  }, [])
  return [theme, setTheme]
}
