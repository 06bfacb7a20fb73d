import { useId, useState } from "react"
import { Menu, X } from "lucide-react"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface NavbarProps extends AppearanceOptions {
  /** The brand name at the left. */
  brand?: string
  /** The navigation links, in order. */
  links?: string[]
  /** The link marked as the current page at first. */
  activeLink?: string
  /** The call-to-action button's label; empty for none. */
  ctaLabel?: string
  /** Called with the link that was clicked. */
  onNavigate?: (link: string) => void
  /** Called when the call-to-action button is clicked. */
  onCtaClick?: () => void
}

const DEFAULT_LINKS: string[] = ["Home", "Features", "Pricing", "Blog", "Contact"]

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-")
}

export default function Navbar({
  brand = "Acme",
  links = DEFAULT_LINKS,
  activeLink = "Home",
  ctaLabel = "",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onNavigate,
  onCtaClick,
}: NavbarProps) {
  const look = appearance({ accent, dark, size, radius })
  const [current, setCurrent] = useState(links.includes(activeLink) ? activeLink : (links[0] ?? ""))
  const [open, setOpen] = useState(false)
  const menuId = useId()

  function navigate(link: string) {
    setCurrent(link)
    setOpen(false)
    onNavigate?.(link)
  }

  function linkClass(link: string) {
    return cn(
      "rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
      link === current
        ? "bg-muted text-foreground"
        : "text-muted-foreground hover:bg-muted hover:text-foreground",
    )
  }

  return (
    <header className={cn(look.className, "w-full border-b")} style={look.style}>
      <nav aria-label="Main" className="mx-auto max-w-5xl px-4">
        <div className="flex h-16 items-center gap-6">
          <span className="flex items-center gap-2 text-base font-semibold">
            <span
              aria-hidden="true"
              className="flex size-8 items-center justify-center rounded-md bg-primary text-sm font-bold text-primary-foreground"
            >
              {brand.charAt(0)}
            </span>
            {brand}
          </span>
          <ul className="hidden items-center gap-1 md:flex">
            {links.map((link) => (
              <li key={link}>
                <a
                  href={`#${slug(link)}`}
                  aria-current={link === current ? "page" : undefined}
                  className={linkClass(link)}
                  onClick={() => navigate(link)}
                >
                  {link}
                </a>
              </li>
            ))}
          </ul>
          <div className="ml-auto flex items-center gap-2">
            {ctaLabel ? (
              <Button className="hidden md:inline-flex" onClick={onCtaClick}>
                {ctaLabel}
              </Button>
            ) : null}
            <Button
              variant="ghost"
              size="icon"
              className="md:hidden"
              aria-label="Menu"
              aria-expanded={open}
              aria-controls={menuId}
              onClick={() => setOpen((value) => !value)}
            >
              {open ? <X aria-hidden="true" /> : <Menu aria-hidden="true" />}
            </Button>
          </div>
        </div>
        <div id={menuId} hidden={!open} className="border-t py-3 md:hidden">
          <ul className="flex flex-col gap-1">
            {links.map((link) => (
              <li key={link} className="flex flex-col">
                <a
                  href={`#${slug(link)}`}
                  aria-current={link === current ? "page" : undefined}
                  className={linkClass(link)}
                  onClick={() => navigate(link)}
                >
                  {link}
                </a>
              </li>
            ))}
          </ul>
          {ctaLabel ? (
            <Button
              className="mt-3 w-full"
              onClick={() => {
                setOpen(false)
                onCtaClick?.()
              }}
            >
              {ctaLabel}
            </Button>
          ) : null}
        </div>
      </nav>
    </header>
  )
}
