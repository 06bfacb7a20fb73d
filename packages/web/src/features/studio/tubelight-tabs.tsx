import { cn } from "@studio/kit/lib/utils"
import { motion, useReducedMotion } from "motion/react"
import { Tabs as TabsPrimitive } from "radix-ui"
import type { ReactNode } from "react"

export interface TubelightTab<T extends string> {
  value: T
  label: string
  icon?: ReactNode
}

/**
 * The seed's "tubelight" tab bar: Radix tabs (arrow keys, roles, focus) with a lit pill that glides to the active
 * tab. `panels` are rendered by the caller with `TabsContent` from the same `id` group, or omitted when the caller
 * renders content itself (then each trigger's aria-controls points at `panelId`).
 */
export function TubelightTabs<T extends string>({
  id,
  label,
  value,
  onChange,
  tabs,
  children,
  trailing,
  className,
}: {
  id: string
  label: string
  value: T
  onChange(value: T): void
  tabs: TubelightTab<T>[]
  children?: ReactNode
  /** Tools shown at the right end of the tab bar (version selector, export, …). */
  trailing?: ReactNode
  className?: string
}) {
  const reducedMotion = useReducedMotion()
  return (
    <TabsPrimitive.Root value={value} onValueChange={(next) => onChange(next as T)} className={className}>
      <div className="flex h-11 shrink-0 items-center gap-2 border-b px-3">
        <TabsPrimitive.List
          aria-label={label}
          className="bg-muted/60 relative inline-flex h-8 items-center gap-0.5 rounded-full border p-0.5"
        >
          {tabs.map((tab) => (
            <TabsPrimitive.Trigger
              key={tab.value}
              value={tab.value}
              className={cn(
                "relative inline-flex h-full items-center gap-1.5 rounded-full px-3 text-xs font-medium transition-colors outline-none",
                "text-muted-foreground hover:text-foreground data-[state=active]:text-foreground",
                "focus-visible:ring-studio/60 focus-visible:ring-2",
              )}
            >
              {value === tab.value && (
                <motion.span
                  layoutId={`${id}-tubelight`}
                  className="bg-background absolute inset-0 rounded-full shadow-sm ring-1 ring-black/5 dark:ring-white/10"
                  transition={
                    reducedMotion ? { duration: 0 } : { type: "spring", stiffness: 420, damping: 34 }
                  }
                >
                  <span className="bg-studio absolute -top-0.5 left-1/2 h-0.5 w-6 -translate-x-1/2 rounded-full shadow-[0_0_8px_var(--color-studio)]" />
                </motion.span>
              )}
              <span className="relative z-10 inline-flex items-center gap-1.5">
                {tab.icon}
                {tab.label}
              </span>
            </TabsPrimitive.Trigger>
          ))}
        </TabsPrimitive.List>
        {trailing && <div className="ml-auto flex min-w-0 items-center gap-1.5">{trailing}</div>}
      </div>
      {children}
    </TabsPrimitive.Root>
  )
}

export const TabPanel = TabsPrimitive.Content
