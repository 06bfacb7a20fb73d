import { useId, useState, type FormEvent } from "react"
import {
  AtSign,
  Bird,
  BriefcaseBusiness,
  Camera,
  GitFork,
  Globe,
  MessageCircle,
  Music,
  SquarePlay,
  ThumbsUp,
  type LucideIcon,
} from "lucide-react"
import { Button } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

/** A link in one of the footer's columns. */
export interface FooterLink {
  column: string
  label: string
  href: string
}

export interface FooterProps extends AppearanceOptions {
  /** The brand name. */
  brand?: string
  /** A short line under the brand. */
  tagline?: string
  /** The link column titles, in order. */
  columns?: string[]
  /** The links: the column each belongs to, its label and its address. */
  links?: FooterLink[]
  /** Social networks linked with icons (GitHub, X, LinkedIn, YouTube, Instagram, Facebook, …). */
  socials?: string[]
  /** Show a newsletter sign-up box. */
  showNewsletter?: boolean
  /** The copyright year (a prop, so the footer renders the same everywhere). */
  year?: number
  /** Called with the address when the newsletter form is submitted. */
  onSubscribe?: (email: string) => void
}

const DEFAULT_COLUMNS: string[] = ["Product", "Company", "Resources", "Legal"]

const DEFAULT_LINKS: FooterLink[] = [
  { column: "Product", label: "Features", href: "/product/features" },
  { column: "Product", label: "Pricing", href: "/product/pricing" },
  { column: "Product", label: "Integrations", href: "/product/integrations" },
  { column: "Product", label: "Changelog", href: "/product/changelog" },
  { column: "Company", label: "About", href: "/company/about" },
  { column: "Company", label: "Careers", href: "/company/careers" },
  { column: "Company", label: "Blog", href: "/company/blog" },
  { column: "Company", label: "Press", href: "/company/press" },
  { column: "Resources", label: "Documentation", href: "/resources/documentation" },
  { column: "Resources", label: "Guides", href: "/resources/guides" },
  { column: "Resources", label: "Community", href: "/resources/community" },
  { column: "Resources", label: "Webinars", href: "/resources/webinars" },
  { column: "Legal", label: "Privacy policy", href: "/legal/privacy-policy" },
  { column: "Legal", label: "Terms of service", href: "/legal/terms-of-service" },
  { column: "Legal", label: "Cookie policy", href: "/legal/cookie-policy" },
  { column: "Legal", label: "Licenses", href: "/legal/licenses" },
]

const DEFAULT_SOCIALS: string[] = ["GitHub", "X", "LinkedIn", "YouTube"]

const SOCIAL_ICONS: Record<string, LucideIcon> = {
  github: GitFork,
  x: AtSign,
  twitter: Bird,
  linkedin: BriefcaseBusiness,
  youtube: SquarePlay,
  instagram: Camera,
  facebook: ThumbsUp,
  discord: MessageCircle,
  tiktok: Music,
}

const SOCIAL_URLS: Record<string, string> = {
  github: "https://github.com",
  x: "https://x.com",
  twitter: "https://twitter.com",
  linkedin: "https://www.linkedin.com",
  youtube: "https://www.youtube.com",
  instagram: "https://www.instagram.com",
  facebook: "https://www.facebook.com",
  discord: "https://discord.com",
  tiktok: "https://www.tiktok.com",
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export default function Footer({
  brand = "Acme",
  tagline = "Tools for teams who ship.",
  columns = DEFAULT_COLUMNS,
  links = DEFAULT_LINKS,
  socials = DEFAULT_SOCIALS,
  showNewsletter = false,
  year = 2025,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSubscribe,
}: FooterProps) {
  const look = appearance({ accent, dark, size, radius })
  const baseId = useId()
  const [email, setEmail] = useState("")
  const [status, setStatus] = useState<"idle" | "invalid" | "done">("idle")

  function subscribe(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = email.trim()
    if (!EMAIL.test(value)) {
      setStatus("invalid")
      return
    }
    setStatus("done")
    setEmail("")
    onSubscribe?.(value)
  }

  return (
    <footer className={cn(look.className, "w-full border-t px-6 py-12")} style={look.style}>
      <div className="mx-auto flex max-w-6xl flex-col gap-10">
        <div className="grid gap-10 lg:grid-cols-[1.5fr_3fr]">
          <div className="flex flex-col gap-4">
            <p className="text-lg font-semibold">{brand}</p>
            {tagline && <p className="max-w-xs text-sm text-muted-foreground">{tagline}</p>}
            {showNewsletter && (
              <form onSubmit={subscribe} noValidate className="flex max-w-sm flex-col gap-2">
                <Label htmlFor={baseId + "-email"}>Subscribe to our newsletter</Label>
                <div className="flex gap-2">
                  <Input
                    id={baseId + "-email"}
                    type="email"
                    autoComplete="email"
                    placeholder="you@company.com"
                    value={email}
                    onChange={(event) => setEmail(event.target.value)}
                    aria-invalid={status === "invalid" ? true : undefined}
                    aria-describedby={baseId + "-status"}
                  />
                  <Button type="submit">Subscribe</Button>
                </div>
                <p
                  id={baseId + "-status"}
                  aria-live="polite"
                  className={cn(
                    "text-sm",
                    status === "invalid" ? "text-destructive" : "text-muted-foreground",
                  )}
                >
                  {status === "invalid"
                    ? "Enter a valid email address"
                    : status === "done"
                      ? "Thanks for subscribing!"
                      : ""}
                </p>
              </form>
            )}
          </div>
          <div className="grid grid-cols-2 gap-8 sm:grid-cols-4">
            {columns.map((column, index) => (
              <nav key={column} aria-labelledby={baseId + "-column-" + index} className="flex flex-col gap-3">
                <h2 id={baseId + "-column-" + index} className="text-sm font-semibold">
                  {column}
                </h2>
                <ul className="flex flex-col gap-2">
                  {links
                    .filter((link) => link.column === column)
                    .map((link) => (
                      <li key={link.label}>
                        <a
                          href={link.href}
                          className="rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                        >
                          {link.label}
                        </a>
                      </li>
                    ))}
                </ul>
              </nav>
            ))}
          </div>
        </div>
        <div className="flex flex-col-reverse items-start justify-between gap-4 border-t pt-6 sm:flex-row sm:items-center">
          <p className="text-sm text-muted-foreground">
            © {year} {brand}. All rights reserved.
          </p>
          {socials.length > 0 && (
            <ul aria-label="Social media" className="flex items-center gap-1">
              {socials.map((social) => {
                const key = social.toLowerCase()
                const Icon = SOCIAL_ICONS[key] ?? Globe
                return (
                  <li key={social}>
                    <a
                      href={SOCIAL_URLS[key] ?? "https://" + key + ".com"}
                      aria-label={social}
                      className="flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <Icon aria-hidden="true" className="size-4" />
                    </a>
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      </div>
    </footer>
  )
}
