import { Accordion, AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"

export interface FaqItem {
  question: string
  answer: string
}

export interface FaqAccordionProps extends AppearanceOptions {
  /** The heading above the accordion; empty for none. */
  title?: string
  /** The questions (or section titles) and their answers, in order. */
  items?: FaqItem[]
  /** Let several items be open at once (otherwise opening one closes the others). */
  allowMultiple?: boolean
  /** Open the first item at first. */
  defaultOpenFirst?: boolean
  /** Called with the titles of the open items whenever one opens or closes. */
  onOpenChange?: (openItems: string[]) => void
}

const DEFAULT_ITEMS: FaqItem[] = [
  {
    question: "How does it work?",
    answer:
      "Create an account, connect your tools and invite your team. Most teams are up and running in minutes.",
  },
  {
    question: "Who is it for?",
    answer: "Small and growing teams who want one place to plan, track and ship their work.",
  },
  {
    question: "Can I use it on my phone?",
    answer: "Yes. It works in any modern browser, and our iOS and Android apps stay in sync.",
  },
  {
    question: "Does it integrate with the tools we already use?",
    answer: "Yes: Slack, Google Drive, GitHub and more than 50 other apps, plus an open API.",
  },
]

export default function FaqAccordion({
  title = "Frequently asked questions",
  items = DEFAULT_ITEMS,
  allowMultiple = false,
  defaultOpenFirst = false,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onOpenChange,
}: FaqAccordionProps) {
  const look = appearance({ accent, dark, size, radius })
  const initial = defaultOpenFirst && items.length > 0 ? ["item-0"] : []
  const questionOf = (value: string) => items[Number(value.replace("item-", ""))]?.question ?? value
  const report = (open: string[]) => onOpenChange?.(open.map(questionOf))
  const content = items.map((item, index) => (
    <AccordionItem key={`${index}-${item.question}`} value={`item-${index}`}>
      <AccordionTrigger className="text-base">{item.question}</AccordionTrigger>
      <AccordionContent className="text-muted-foreground">{item.answer}</AccordionContent>
    </AccordionItem>
  ))
  return (
    <section className={cn(look.className, "w-full max-w-2xl p-6")} style={look.style}>
      {title ? <h2 className="mb-4 text-2xl font-semibold tracking-tight">{title}</h2> : null}
      <div className="rounded-lg border bg-card px-4 text-card-foreground">
        {allowMultiple ? (
          <Accordion type="multiple" defaultValue={initial} onValueChange={report}>
            {content}
          </Accordion>
        ) : (
          <Accordion
            type="single"
            collapsible
            defaultValue={initial[0]}
            onValueChange={(value) => report(value ? [value] : [])}
          >
            {content}
          </Accordion>
        )}
      </div>
    </section>
  )
}
