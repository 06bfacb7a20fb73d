import { boolean, defineRecipe, records, strings, text } from "../../define-recipe"
import { mentions } from "../../facts"
import { sentenceList } from "../../recipe"
import { code, codeLines, testCase, type TestCase } from "../../test-builder"
import { cardCount } from "./inline/card-count"
import { normalise, readKanban, type KanbanCard } from "./reader"

/** A kanban board: columns with cards that move left/right (buttons or drag and drop), counts and an add form. */
export const kanbanBoard = defineRecipe({
  kind: "kanban-board",
  title: "Kanban board",
  names: ["KanbanBoard"],
  keywords: {
    strong: [
      "kanban",
      "kanban board",
      "task board",
      "trello",
      "scrum board",
      "project board",
      "sprint board",
    ],
    weak: ["columns", "drag and drop", "cards", "in progress", "backlog", "swimlanes", "lanes"],
  },
  callbacks: [
    {
      name: "onMove",
      type: "(card: KanbanCard, column: string) => void",
      description: "Called when a card moves to another column.",
    },
    { name: "onAdd", type: "(card: KanbanCard) => void", description: "Called when a card is added." },
  ],
  params: {
    columns: strings("The columns, left to right."),
    cards: records<KanbanCard>("KanbanCard", "The cards at first: id, title, column and tag."),
    title: text("The board's heading; empty hides it."),
    draggable: boolean("Cards can be dragged onto another column."),
  },
  read: readKanban,
  summary: ({ columns, draggable }) =>
    `A kanban board with ${sentenceList(columns)} columns; cards move with buttons${draggable ? " or drag and drop" : ""}, and each column counts its cards and can add one.`,
  requirements: ({ columns, cards, draggable }) => {
    const list: [string, string][] = [
      ["columns", `Shows the columns ${sentenceList(columns)}, left to right`],
      [
        "counts",
        `Shows each column's cards with a count (${sentenceList(columns.map((column) => `${column}: ${cards.filter((card) => card.column === column).length}`))})`,
      ],
      [
        "move",
        `Each card has buttons to move it to the previous or next column (e.g. "Move ${cards[0]?.title ?? "a card"} to ${columns[1] ?? columns[0] ?? ""}"), calling onMove`,
      ],
      ["add", "Each column has a field to add a card to it; empty titles are ignored"],
    ]
    if (draggable) list.push(["drag", "Cards can be dragged and dropped onto another column"])
    return list
  },
  testSetup: () => code`
    function column(name: string) {
      return screen.getByRole("region", { name })
    }
  `,
  tests: ({ Component, values: { columns, cards: all }, has }) => {
    const cards = all.filter((card) => columns.includes(card.column))
    const countIn = (column: string) => cards.filter((card) => card.column === column).length
    const first = columns[0] ?? ""
    const second = columns[1] ?? first
    const last = columns[columns.length - 1] ?? first
    const mover = cards.find((card) => card.column === first) ?? cards[0]
    const tests: TestCase[] = [
      testCase(
        "columns",
        `shows the ${sentenceList(columns)} columns, in order`,
        code`
          render(<${Component} />)
          expect(screen.getAllByRole("heading", { level: 3 }).map((heading) => heading.textContent)).toEqual(${columns})
        `,
      ),
      testCase(
        "counts",
        "shows each column's cards and their count",
        code`
          render(<${Component} />)
          ${codeLines(
            columns.map(
              (column) => code`
                expect(within(column(${column})).getByText(${cardCount(countIn(column))})).toBeInTheDocument()
                expect(within(column(${column})).queryAllByRole("listitem")).toHaveLength(${countIn(column)})
              `,
            ),
          )}
        `,
      ),
    ]
    if (mover && columns.length >= 2) {
      const moverColumn = mover.column
      const moverIndex = columns.indexOf(moverColumn)
      const target = columns[moverIndex + 1] ?? second
      const buttons = [columns[moverIndex - 1], columns[moverIndex + 1]]
        .filter((item) => item !== undefined)
        .map((item) => `Move ${mover.title} to ${item}`)
      tests.push(
        testCase(
          "move",
          "moves a card to the next or previous column with its buttons",
          code`
            const user = userEvent.setup()
            const onMove = vi.fn()
            render(<${Component} onMove={onMove} />)
            await user.click(screen.getByRole("button", { name: ${`Move ${mover.title} to ${target}`} }))
            expect(within(column(${target})).getByText(${mover.title})).toBeInTheDocument()
            expect(within(column(${moverColumn})).queryByText(${mover.title})).not.toBeInTheDocument()
            expect(within(column(${target})).getByText(${cardCount(countIn(target) + 1)})).toBeInTheDocument()
            expect(onMove).toHaveBeenCalledWith(expect.objectContaining({ title: ${mover.title}, column: ${target} }), ${target})
            await user.click(screen.getByRole("button", { name: ${`Move ${mover.title} to ${moverColumn}`} }))
            const back = within(column(${moverColumn})).getByText(${mover.title}).closest("li")!
            expect(within(back).getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual(${buttons})
          `,
        ),
      )
    }
    tests.push(
      testCase(
        "add",
        "adds a card to a column",
        code`
          const user = userEvent.setup()
          const onAdd = vi.fn()
          render(<${Component} onAdd={onAdd} />)
          await user.click(screen.getByRole("button", { name: ${`Add card to ${last}`} }))
          expect(within(column(${last})).queryAllByRole("listitem")).toHaveLength(${countIn(last)})
          await user.type(screen.getByRole("textbox", { name: ${`New card in ${last}`} }), "Plan the launch party{Enter}")
          expect(within(column(${last})).getByText("Plan the launch party")).toBeInTheDocument()
          expect(within(column(${last})).getByText(${cardCount(countIn(last) + 1)})).toBeInTheDocument()
          expect(screen.getByRole("textbox", { name: ${`New card in ${last}`} })).toHaveValue("")
          expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ title: "Plan the launch party", column: ${last} }))
        `,
      ),
    )
    if (has("drag") && mover && columns.length >= 2)
      tests.push(
        testCase(
          "drag",
          "drags a card onto another column",
          code`
            render(<${Component} />)
            const card = within(column(${mover.column})).getByText(${mover.title}).closest("li")!
            fireEvent.dragStart(card)
            fireEvent.dragOver(column(${last}))
            fireEvent.drop(column(${last}))
            expect(within(column(${last})).getByText(${mover.title})).toBeInTheDocument()
            expect(within(column(${mover.column})).queryByText(${mover.title})).not.toBeInTheDocument()
          `,
        ),
      )
    return tests
  },
  followUp: (facts, values) => {
    const next: { columns?: string[]; cards?: KanbanCard[]; draggable?: boolean; title?: string } = {}
    const applied: string[] = []
    let columns = values.columns
    let cards = values.cards
    const add =
      /\badd (?:a |an |another )?(?:column|lane|list|stage)\s+(?:called |named )?["“']?([A-Za-z][\w ]{0,24}?)["”']?(?=$|[.,!]|\s+(?:column|lane|between|before|after|at)\b)/i.exec(
        facts.text,
      ) ??
      /\badd (?:a |an |another )?["“']?([A-Z][\w]*(?: [a-zA-Z]\w*)?)["”']? (?:column|lane|list|stage)\b/.exec(
        facts.text,
      )
    if (add) {
      const column = normalise(add[1]!)
      if (!columns.includes(column)) {
        // "Review" goes before the last column (usually Done); others at the end.
        const beforeLast = /review|testing|qa|blocked/i.test(column) && columns.length >= 2
        columns = beforeLast
          ? [...columns.slice(0, -1), column, columns[columns.length - 1]!]
          : [...columns, column]
        applied.push(`a ${column} column`)
      }
    }
    for (const column of [...columns]) {
      if (
        new RegExp(`\\b(?:remove|drop|delete)\\b(?:\\s+the)?\\s+["“']?${column.toLowerCase()}\\b`).test(
          facts.lower,
        ) &&
        columns.length > 2
      ) {
        columns = columns.filter((item) => item !== column)
        const fallback = columns[0]!
        cards = cards.map((card) => (card.column === column ? { ...card, column: fallback } : card))
        applied.push(`removed the ${column} column`)
      }
    }
    if (/\b(?:no|without|remove|disable)\s+(?:the\s+)?drag/.test(facts.lower)) {
      if (values.draggable) applied.push("no drag and drop")
      next.draggable = false
    } else if (mentions(facts, "drag", "drag and drop", "draggable")) {
      if (!values.draggable) applied.push("drag and drop")
      next.draggable = true
    }
    const title = facts.quoted.find((quote) => !columns.includes(quote))
    if (title && /\b(?:title|call it|name it|heading)\b/.test(facts.lower)) {
      next.title = title
      applied.push(`title "${title}"`)
    }
    next.columns = [...columns]
    next.cards = [...cards]
    return { values: next, applied }
  },
  followUpHints: [
    "add a column (add a Review column)",
    "remove a column",
    "no drag and drop",
    'a title ("Sprint 12")',
  ],
})
