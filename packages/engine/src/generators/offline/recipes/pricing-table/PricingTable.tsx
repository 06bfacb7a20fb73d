import { useId, useState } from "react"
import { Check } from "lucide-react"
import { Badge } from "@/components/ui/badge"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { featuresOf, formatPrice, yearlyMonthlyPrice } from "./inline/pricing"

/** A pricing tier. `features` lists what it includes, separated by ";". */
export interface Tier {
  name: string
  /** The monthly price, in `currency`. */
  monthly: number
  description: string
  features: string
  cta: string
}

export type Billing = "monthly" | "yearly"

export interface PricingTableProps extends AppearanceOptions {
  /** The tiers, cheapest first: name, monthly price, description, features (separated by ;) and button label. */
  tiers?: Tier[]
  /** The currency symbol written before prices. */
  currency?: string
  /** Shows the monthly/yearly billing toggle. */
  billingToggle?: boolean
  /** The billing period shown at first. */
  defaultBilling?: "monthly" | "yearly"
  /** How much cheaper yearly billing is, in percent. */
  yearlyDiscount?: number
  /** The label of the yearly billing option. */
  yearlyLabel?: string
  /** The name of the highlighted tier; empty highlights none. */
  popular?: string
  /** The badge on the highlighted tier. */
  popularLabel?: string
  /** The heading above the tiers. */
  heading?: string
  /** The line under the heading; empty hides it. */
  subheading?: string
  /** Called with the tier's name and the billing period when a tier's button is clicked. */
  onSelect?: (tier: string, billing: "monthly" | "yearly") => void
}

const DEFAULT_TIERS: Tier[] = [
  {
    name: "Free",
    monthly: 0,
    description: "For individuals trying things out.",
    features: "Up to 3 projects; 1 GB storage; Basic analytics; Community support",
    cta: "Get started",
  },
  {
    name: "Pro",
    monthly: 15,
    description: "For professionals who need more.",
    features: "Unlimited projects; 100 GB storage; Advanced analytics; Custom domains; Priority support",
    cta: "Get Pro",
  },
  {
    name: "Team",
    monthly: 35,
    description: "For growing teams that work together.",
    features: "Up to 25 members; 1 TB shared storage; Shared workspaces; Roles and permissions",
    cta: "Get Team",
  },
]

const GRID_COLUMNS: Record<number, string> = {
  1: "mx-auto max-w-sm",
  2: "mx-auto max-w-3xl md:grid-cols-2",
  3: "md:grid-cols-3",
  4: "sm:grid-cols-2 lg:grid-cols-4",
}

export default function PricingTable({
  tiers = DEFAULT_TIERS,
  currency = "$",
  billingToggle = true,
  defaultBilling = "monthly",
  yearlyDiscount = 20,
  yearlyLabel = "Yearly",
  popular = "Pro",
  popularLabel = "Most popular",
  heading = "Simple, transparent pricing",
  subheading = "Start free, upgrade when you need more. Cancel anytime.",
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onSelect,
}: PricingTableProps) {
  const look = appearance({ accent, dark, size, radius })
  const id = useId()
  const [chosen, setChosen] = useState<Billing>(defaultBilling)
  const billing: Billing = billingToggle ? chosen : defaultBilling
  const yearly = billing === "yearly"
  const periods: { value: Billing; label: string }[] = [
    { value: "monthly", label: "Monthly" },
    { value: "yearly", label: yearlyLabel },
  ]
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={cn(
        look.className,
        "mx-auto w-full px-4 py-12 sm:px-6",
        tiers.length > 3 ? "max-w-6xl" : "max-w-5xl",
      )}
      style={look.style}
    >
      <header className="mx-auto flex max-w-2xl flex-col items-center gap-3 text-center">
        <h2 id={`${id}-heading`} className="text-3xl font-bold tracking-tight sm:text-4xl">
          {heading}
        </h2>
        {subheading && <p className="text-base text-muted-foreground">{subheading}</p>}
        {billingToggle && (
          <div
            role="group"
            aria-label="Billing period"
            className="mt-4 inline-flex items-center gap-1 rounded-full border bg-muted p-1"
          >
            {periods.map((period) => (
              <button
                key={period.value}
                type="button"
                aria-pressed={billing === period.value}
                onClick={() => setChosen(period.value)}
                className={cn(
                  "inline-flex items-center gap-2 rounded-full px-4 py-1.5 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
                  billing === period.value
                    ? "bg-background text-foreground shadow-sm"
                    : "text-muted-foreground hover:text-foreground",
                )}
              >
                {period.label}
                {period.value === "yearly" && yearlyDiscount > 0 && (
                  <span className="rounded-full bg-primary/10 px-2 py-0.5 text-xs font-semibold text-primary">
                    Save {yearlyDiscount}%
                  </span>
                )}
              </button>
            ))}
          </div>
        )}
        <p className="sr-only" aria-live="polite">
          {yearly ? "Showing yearly prices" : "Showing monthly prices"}
        </p>
      </header>
      <ul
        className={cn(
          "mt-12 grid items-stretch gap-6",
          GRID_COLUMNS[tiers.length] ?? "sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5",
        )}
      >
        {tiers.map((tier, index) => {
          const highlighted = tier.name === popular
          const price = yearly ? yearlyMonthlyPrice(tier.monthly, yearlyDiscount) : tier.monthly
          const previous = index > 0 ? tiers[index - 1] : undefined
          const headingId = `${id}-tier-${index}`
          return (
            <li key={tier.name} className="flex">
              <article
                aria-labelledby={headingId}
                className={cn(
                  "relative flex w-full flex-col rounded-xl border bg-card p-6 text-card-foreground shadow-sm",
                  highlighted && "border-primary shadow-lg ring-1 ring-primary",
                )}
              >
                {highlighted && (
                  <Badge className="absolute -top-3 left-1/2 -translate-x-1/2 px-3 py-1">
                    {popularLabel}
                  </Badge>
                )}
                <h3 id={headingId} className="text-lg font-semibold">
                  {tier.name}
                </h3>
                <p className="mt-1 text-sm text-muted-foreground sm:min-h-10">{tier.description}</p>
                <div className="mt-6 flex flex-wrap items-baseline gap-x-2">
                  <span className="text-4xl font-bold tracking-tight">{formatPrice(currency, price)}</span>
                  <span className="text-sm text-muted-foreground">/month</span>
                  {yearly && tier.monthly > 0 && price < tier.monthly && (
                    <span className="text-sm text-muted-foreground line-through">
                      <span className="sr-only">Regular price </span>
                      {formatPrice(currency, tier.monthly)}
                    </span>
                  )}
                </div>
                <p className="mt-1 text-xs text-muted-foreground">
                  {tier.monthly <= 0
                    ? "Free forever"
                    : yearly
                      ? `${formatPrice(currency, price * 12)} billed yearly`
                      : "Billed monthly"}
                </p>
                <Button
                  className="mt-6 w-full"
                  variant={highlighted ? "default" : "outline"}
                  onClick={() => onSelect?.(tier.name, billing)}
                >
                  {tier.cta}
                </Button>
                {previous && <p className="mt-6 text-sm font-medium">Everything in {previous.name}, plus:</p>}
                <ul
                  aria-label={`${tier.name} features`}
                  className={cn("flex flex-col gap-3 text-sm", previous ? "mt-3" : "mt-6")}
                >
                  {featuresOf(tier.features).map((feature) => (
                    <li key={feature} className="flex items-start gap-2">
                      <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
                      <span>{feature}</span>
                    </li>
                  ))}
                </ul>
              </article>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
