import { Button } from "@studio/kit/components/ui/button"
import { Input } from "@studio/kit/components/ui/input"
import { Label } from "@studio/kit/components/ui/label"
import { Switch } from "@studio/kit/components/ui/switch"
import { cn } from "@studio/kit/lib/utils"
import { ChevronDown, Code, RotateCcw, SlidersHorizontal } from "lucide-react"
import { useId, useMemo, useState, type ReactNode } from "react"
import type { Contract, ContractProp, PropControl } from "@studio/protocol"
import { formatDuration } from "../run/format"
import {
  coerceControlValue,
  controlOf,
  currentPropValue,
  defaultPropValues,
  normalizeHexColor,
  selectOptionsOf,
  type ControlValue,
} from "./prop-values"

export interface DesignPanelProps {
  /** The latest version's contract; none before the first generation. */
  contract: Contract | null | undefined
  /** The person's values by prop name; a prop without one shows its default. */
  values: Record<string, unknown>
  /** A typed value (number, boolean, string, "#rrggbb") or `undefined` to fall back to the default. */
  onChange: (name: string, value: ControlValue) => void
  onReset: () => void
  /** How long the preview took to repaint after the last change. */
  lastRepaintMs?: number
  className?: string
}

/** The prop inspector: one control per prop a person can set, the rest listed as set in code. */
export function DesignPanel({
  contract,
  values,
  onChange,
  onReset,
  lastRepaintMs,
  className,
}: DesignPanelProps): ReactNode {
  const defaults = useMemo(() => defaultPropValues(contract), [contract])
  const inCodeHeadingId = useId()

  if (!contract) {
    return (
      <section
        aria-label="Design"
        className={cn("flex flex-col items-center gap-2 px-6 py-12 text-center", className)}
      >
        <SlidersHorizontal aria-hidden="true" className="text-muted-foreground size-5" />
        <p className="text-muted-foreground max-w-64 text-sm">
          Generate a component first; its props appear here.
        </p>
      </section>
    )
  }

  const controlled = contract.props.flatMap((prop) => {
    const control = controlOf(prop)
    return control ? [{ prop, control }] : []
  })
  const inCode = contract.props.filter((prop) => controlOf(prop) === null)

  return (
    <section aria-label="Design" className={cn("flex flex-col gap-4", className)}>
      <header className="flex items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-0.5">
          <h2 className="text-sm font-medium">Props</h2>
          <p className="text-muted-foreground truncate font-mono text-xs">{`<${contract.name} />`}</p>
        </div>
        <Button type="button" variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={onReset}>
          <RotateCcw aria-hidden="true" className="size-3.5" />
          Reset
        </Button>
      </header>

      <p role="status" className="text-muted-foreground -mt-2 min-h-4 text-xs tabular-nums">
        {lastRepaintMs !== undefined && `Preview updated in ${formatDuration(lastRepaintMs)}`}
      </p>

      {contract.props.length === 0 && (
        <p className="text-muted-foreground text-sm">{contract.name} takes no props.</p>
      )}

      {controlled.length > 0 && (
        <div className="divide-border flex flex-col divide-y">
          {controlled.map(({ prop, control }) => (
            <PropField
              key={prop.name}
              prop={prop}
              control={control}
              value={currentPropValue(prop.name, values, defaults)}
              onChange={(value) => onChange(prop.name, value)}
            />
          ))}
        </div>
      )}

      {inCode.length > 0 && (
        <section aria-labelledby={inCodeHeadingId} className="flex flex-col gap-2">
          <h3
            id={inCodeHeadingId}
            className="text-muted-foreground flex items-center gap-1.5 text-xs font-medium"
          >
            <Code aria-hidden="true" className="size-3.5" />
            Set in code
          </h3>
          <ul role="list" aria-label="Props set in code" className="flex flex-col gap-1.5">
            {inCode.map((prop) => (
              <li key={prop.name} className="bg-muted/40 flex flex-col gap-0.5 rounded-md px-2.5 py-1.5">
                <p className="flex items-baseline justify-between gap-2 font-mono text-xs">
                  <span>
                    {prop.name}
                    {prop.required && <RequiredMark />}
                  </span>
                  <span className="text-muted-foreground truncate text-[11px]" title={prop.type}>
                    {prop.type}
                  </span>
                </p>
                <p className="text-muted-foreground text-xs">
                  {prop.description ? `${prop.description} · set in code` : "set in code"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}

function RequiredMark(): ReactNode {
  return (
    <>
      <span aria-hidden="true" className="text-fail ml-0.5">
        *
      </span>
      <span className="sr-only"> (required)</span>
    </>
  )
}

interface FieldProps {
  id: string
  describedBy: string | undefined
  value: unknown
  onChange: (value: ControlValue) => void
}

function PropField({
  prop,
  control,
  value,
  onChange,
}: {
  prop: ContractProp
  control: PropControl
  value: unknown
  onChange: (value: ControlValue) => void
}): ReactNode {
  const id = useId()
  const descriptionId = `${id}-description`
  const describedBy = prop.description ? descriptionId : undefined
  const field: FieldProps = { id, describedBy, value, onChange }
  const label = (
    <Label htmlFor={id} className="font-mono text-xs">
      {prop.name}
      {prop.required && <RequiredMark />}
    </Label>
  )
  const description = prop.description && (
    <p id={descriptionId} className="text-muted-foreground text-xs leading-snug">
      {prop.description}
    </p>
  )

  if (control === "boolean") {
    return (
      <div className="flex flex-col gap-1 py-3 first:pt-0">
        <div className="flex items-center justify-between gap-3">
          {label}
          <Switch
            id={id}
            checked={value === true}
            aria-describedby={describedBy}
            onCheckedChange={(checked) => onChange(checked)}
            className="data-[state=checked]:bg-studio"
          />
        </div>
        {description}
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-1.5 py-3 first:pt-0">
      <div className="flex items-baseline justify-between gap-3">
        {label}
        <span className="text-muted-foreground truncate font-mono text-[11px]" title={prop.type}>
          {prop.type}
        </span>
      </div>
      {control === "text" && <TextField {...field} />}
      {control === "number" && <NumberField {...field} />}
      {control === "select" && <SelectField {...field} options={selectOptionsOf(prop)} />}
      {control === "color" && <ColorField {...field} name={prop.name} />}
      {description}
    </div>
  )
}

const FIELD_CLASS = "h-8 text-sm"

function TextField({ id, describedBy, value, onChange }: FieldProps): ReactNode {
  return (
    <Input
      id={id}
      className={FIELD_CLASS}
      value={value === undefined || value === null ? "" : String(value)}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}

/**
 * Keeps what the person types (an empty field, "-", "#3b8") while only a valid value reaches the preview; the
 * field follows the value when it changes from outside (Reset) to something the draft does not already say.
 */
function useDraft(
  value: unknown,
  toText: (value: unknown) => string,
  parse: (draft: string) => ControlValue,
) {
  const [draft, setDraft] = useState(() => toText(value))
  const [seen, setSeen] = useState(value)
  if (!Object.is(seen, value)) {
    setSeen(value)
    if (!Object.is(parse(draft), value)) setDraft(toText(value))
  }
  return [draft, setDraft] as const
}

const parseNumber = (draft: string): ControlValue => coerceControlValue("number", draft)
const parseColor = (draft: string): ControlValue => coerceControlValue("color", draft)

function numberText(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : ""
}

function NumberField({ id, describedBy, value, onChange }: FieldProps): ReactNode {
  const [draft, setDraft] = useDraft(value, numberText, parseNumber)
  return (
    <Input
      id={id}
      type="number"
      inputMode="decimal"
      className={cn(FIELD_CLASS, "tabular-nums")}
      value={draft}
      aria-describedby={describedBy}
      onChange={(event) => {
        setDraft(event.target.value)
        const number = coerceControlValue("number", event.target.value)
        if (number !== undefined) onChange(number)
      }}
      onBlur={() => {
        if (parseNumber(draft) === undefined) setDraft(numberText(value))
      }}
    />
  )
}

function SelectField({
  id,
  describedBy,
  value,
  onChange,
  options,
}: FieldProps & { options: string[] }): ReactNode {
  const current = typeof value === "string" && options.includes(value) ? value : ""
  return (
    <div className="relative">
      <select
        id={id}
        value={current}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        className={cn(
          "border-input dark:bg-input/30 w-full appearance-none rounded-md border bg-transparent py-1 pr-8 pl-2.5 shadow-xs outline-none",
          "focus-visible:border-ring focus-visible:ring-ring/50 focus-visible:ring-[3px]",
          FIELD_CLASS,
        )}
      >
        {current === "" && <option value="">Component default</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="text-muted-foreground pointer-events-none absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2"
      />
    </div>
  )
}

function colorText(value: unknown): string {
  return typeof value === "string" ? value : ""
}

function ColorField({ id, describedBy, value, onChange, name }: FieldProps & { name: string }): ReactNode {
  const [draft, setDraft] = useDraft(value, colorText, parseColor)
  const hex = typeof value === "string" ? normalizeHexColor(value) : undefined
  const invalid = draft.trim() !== "" && normalizeHexColor(draft) === undefined
  return (
    <div className="flex items-center gap-2">
      <input
        type="color"
        aria-label={`Pick ${name}`}
        value={hex ?? "#000000"}
        onChange={(event) => {
          const color = normalizeHexColor(event.target.value)
          if (color === undefined) return
          setDraft(color)
          onChange(color)
        }}
        className="border-input size-8 shrink-0 cursor-pointer rounded-md border bg-transparent p-0.5 [&::-webkit-color-swatch]:rounded-sm [&::-webkit-color-swatch]:border-none [&::-webkit-color-swatch-wrapper]:p-0"
      />
      <Input
        id={id}
        className={cn(FIELD_CLASS, "font-mono")}
        value={draft}
        placeholder="#rrggbb"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setDraft(event.target.value)
          const color = normalizeHexColor(event.target.value)
          if (color !== undefined) onChange(color)
        }}
        onBlur={() => {
          if (invalid) setDraft(colorText(value))
        }}
      />
    </div>
  )
}
