import { useId } from "react"
import {
  Bell,
  ChartColumn,
  Clock,
  Cloud,
  Code,
  CreditCard,
  Database,
  Globe,
  Headphones,
  Lock,
  Palette,
  Plug,
  Rocket,
  Search,
  ShieldCheck,
  Smartphone,
  Sparkles,
  Users,
  Workflow,
  Zap,
  type LucideIcon,
} from "lucide-react"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { wideColumnClasses } from "./inline/grid-columns"

/** One feature: a short title, a sentence and the name of its icon. */
export interface Feature {
  title: string
  description: string
  icon: string
}

export interface FeatureGridProps extends AppearanceOptions {
  /** The section heading. */
  heading?: string
  /** The sentence under the heading; empty for none. */
  subheading?: string
  /** The features: a title, a sentence and an icon (zap, shield, lock, chart, users, plug, headphones, cloud, smartphone, workflow, globe, palette, code, card, bell, search, clock, database, sparkles, rocket). */
  features?: Feature[]
  /** Columns on wide screens (1 to 4); narrow screens show one, then two. */
  columns?: number
}

const DEFAULT_FEATURES: Feature[] = [
  {
    title: "Lightning fast",
    description: "Pages load in under a second, on any connection.",
    icon: "zap",
  },
  {
    title: "Secure by default",
    description: "SSO, audit logs and encryption at rest, on every plan.",
    icon: "shield",
  },
  {
    title: "Real-time analytics",
    description: "See what's working with real-time dashboards and reports.",
    icon: "chart",
  },
  {
    title: "Built for teams",
    description: "Invite your team and work on the same page, live.",
    icon: "users",
  },
  {
    title: "Works with your tools",
    description: "Connect the 100+ tools you already use in a click.",
    icon: "plug",
  },
  {
    title: "24/7 support",
    description: "Real people ready to help, around the clock.",
    icon: "headphones",
  },
]

const ICONS: Record<string, LucideIcon> = {
  zap: Zap,
  shield: ShieldCheck,
  lock: Lock,
  chart: ChartColumn,
  users: Users,
  plug: Plug,
  headphones: Headphones,
  cloud: Cloud,
  smartphone: Smartphone,
  workflow: Workflow,
  globe: Globe,
  palette: Palette,
  code: Code,
  card: CreditCard,
  bell: Bell,
  search: Search,
  clock: Clock,
  database: Database,
  sparkles: Sparkles,
  rocket: Rocket,
}

export default function FeatureGrid({
  heading = "Everything you need to ship faster",
  subheading = "Powerful building blocks that fit the way your team already works.",
  features = DEFAULT_FEATURES,
  columns = 3,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
}: FeatureGridProps) {
  const look = appearance({ accent, dark, size, radius })
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className={cn(look.className, "w-full px-6 py-16")}
      style={look.style}
    >
      <div className="mx-auto flex max-w-5xl flex-col gap-10">
        <div className="mx-auto flex max-w-2xl flex-col gap-3 text-center">
          <h2 id={headingId} className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
            {heading}
          </h2>
          {subheading && <p className="text-lg text-muted-foreground text-pretty">{subheading}</p>}
        </div>
        <ul className={cn("grid grid-cols-1 gap-6", wideColumnClasses(columns))}>
          {features.map((feature) => {
            const Icon = ICONS[feature.icon] ?? Sparkles
            return (
              <li
                key={feature.title}
                className="flex flex-col gap-3 rounded-xl border bg-card p-6 text-card-foreground shadow-sm"
              >
                <span className="flex size-10 items-center justify-center rounded-lg bg-primary/10 text-primary">
                  <Icon aria-hidden="true" className="size-5" />
                </span>
                <h3 className="font-semibold leading-tight">{feature.title}</h3>
                <p className="text-sm text-muted-foreground">{feature.description}</p>
              </li>
            )
          })}
        </ul>
      </div>
    </section>
  )
}
