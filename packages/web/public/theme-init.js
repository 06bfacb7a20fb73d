/* global document, localStorage, matchMedia */
// Applies the saved theme before the first paint, so a dark studio never flashes white. A file of its own, loaded
// before the app, because the studio page's Content-Security-Policy runs no inline script.
try {
  const theme = localStorage.getItem("studio.theme")
  if (theme === "dark" || (!theme && matchMedia("(prefers-color-scheme: dark)").matches))
    document.documentElement.classList.add("dark")
} catch {
  // No storage (or no matchMedia): the light theme stays.
}
