import { boolean, defineRecipe, strings, text } from "../../define-recipe"
import { addedItems, removedItem } from "../../readers"
import { sentenceList } from "../../recipe"
import { code, NO_CODE, testCase } from "../../test-builder"
import { DESTRUCTIVE, iconTriggerOf, isUserMenu, readDropdownMenu } from "./reader"

/** A dropdown menu from the kit: a trigger, items with icons, a destructive item set apart, keyboard navigation. */
export const dropdownMenu = defineRecipe({
  kind: "dropdown-menu",
  title: "Dropdown menu",
  names: ["ActionsMenu", "UserMenu"],
  keywords: {
    strong: [
      "drop down menu",
      "drop down",
      "context menu",
      "actions menu",
      "action menu",
      "kebab menu",
      "overflow menu",
      "user menu",
      "account menu",
      "profile menu",
      "more menu",
    ],
    weak: ["menu", "three dots", "kebab", "options menu", "menu items"],
  },
  callbacks: [
    {
      name: "onSelect",
      type: "(item: string) => void",
      description: "Called with the item that was chosen.",
    },
  ],
  name: (facts) => (isUserMenu(facts) ? "UserMenu" : "ActionsMenu"),
  params: {
    items: strings("The menu items, in order."),
    destructiveItem: text("The item styled as destructive and set apart at the end; empty for none."),
    triggerLabel: text("The trigger button's label (its accessible name when it shows only an icon)."),
    iconTrigger: boolean("Show the trigger as a ⋯ icon button."),
    userName: text(
      "The signed-in user shown on the trigger and at the top of the menu; empty for an actions menu.",
    ),
    userEmail: text("The user's email under their name."),
  },
  read: readDropdownMenu,
  summary: ({ userName, items }) =>
    `A dropdown menu${userName ? ` for ${userName}` : ""} with ${sentenceList(items)}.`,
  requirements: ({ items, userName: user, triggerLabel, destructiveItem: destructive, userEmail }) => {
    const trigger = user || triggerLabel
    const requirements: [string, string][] = [
      ["trigger", `The "${trigger}" button opens the menu (aria-haspopup, aria-expanded)`],
      ["items", `The menu lists ${sentenceList(items)}, in that order`],
      ["select", "Choosing an item calls onSelect with it, closes the menu and returns focus to the trigger"],
      ["keyboard", "Enter opens the menu on its first item; arrow keys move between items; Escape closes it"],
    ]
    if (destructive && items.includes(destructive))
      requirements.push([
        "destructive",
        `${destructive} is styled as destructive and set apart by a separator`,
      ])
    if (user)
      requirements.push(["user", `The menu shows ${user}${userEmail ? ` and ${userEmail}` : ""} at the top`])
    return requirements
  },
  tests: ({
    Component,
    values: { items, userName: user, triggerLabel, destructiveItem: destructive, userEmail: email },
    has,
  }) => {
    const chosen = items.find((item) => item !== destructive) ?? items[0] ?? ""
    const trigger = code`screen.getByRole("button", { name: ${user || triggerLabel} })`
    const second = items[1] ?? items[0] ?? ""
    const tests = [
      testCase(
        "trigger",
        "the trigger opens the menu",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          const trigger = ${trigger}
          expect(trigger).toHaveAttribute("aria-haspopup", "menu")
          expect(trigger).toHaveAttribute("aria-expanded", "false")
          expect(screen.queryByRole("menu")).not.toBeInTheDocument()
          await user.click(trigger)
          expect(screen.getByRole("menu")).toBeInTheDocument()
          expect(trigger).toHaveAttribute("aria-expanded", "true")
        `,
      ),
      testCase(
        "items",
        "lists the items in order",
        code`
          const user = userEvent.setup()
          render(<${Component} />)
          await user.click(${trigger})
          expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual(${items})
        `,
      ),
      testCase(
        "select",
        "choosing an item calls onSelect and closes the menu",
        code`
          const user = userEvent.setup()
          const onSelect = vi.fn()
          render(<${Component} onSelect={onSelect} />)
          const trigger = ${trigger}
          await user.click(trigger)
          await user.click(screen.getByRole("menuitem", { name: ${chosen} }))
          expect(onSelect).toHaveBeenCalledWith(${chosen})
          expect(screen.queryByRole("menu")).not.toBeInTheDocument()
          expect(trigger).toHaveFocus()
        `,
      ),
      testCase(
        "keyboard",
        "works with the keyboard",
        code`
          const user = userEvent.setup()
          const onSelect = vi.fn()
          render(<${Component} onSelect={onSelect} />)
          const trigger = ${trigger}
          trigger.focus()
          await user.keyboard("{Enter}")
          expect(screen.getByRole("menuitem", { name: ${items[0] ?? ""} })).toHaveFocus()
          await user.keyboard("{ArrowDown}")
          expect(screen.getByRole("menuitem", { name: ${second} })).toHaveFocus()
          await user.keyboard("{Escape}")
          expect(screen.queryByRole("menu")).not.toBeInTheDocument()
          expect(trigger).toHaveFocus()

          await user.keyboard("{Enter}")
          await user.keyboard("{ArrowDown}")
          await user.keyboard("{Enter}")
          expect(onSelect).toHaveBeenCalledWith(${second})
          expect(screen.queryByRole("menu")).not.toBeInTheDocument()
        `,
      ),
    ]
    if (has("destructive"))
      tests.push(
        testCase(
          "destructive",
          "the destructive item is styled as such and set apart",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.click(${trigger})
            const item = screen.getByRole("menuitem", { name: ${destructive} })
            expect(item).toHaveAttribute("data-variant", "destructive")
            ${
              items.indexOf(destructive) > 0
                ? code`expect(item.previousElementSibling).toHaveAttribute("role", "separator")`
                : code`expect(item).toBeInTheDocument()`
            }
            for (const other of screen.getAllByRole("menuitem").filter((element) => element !== item))
              expect(other).toHaveAttribute("data-variant", "default")
          `,
        ),
      )
    if (has("user"))
      tests.push(
        testCase(
          "user",
          "shows the user at the top of the menu",
          code`
            const user = userEvent.setup()
            render(<${Component} />)
            await user.click(${trigger})
            const menu = screen.getByRole("menu")
            expect(within(menu).getByText(${user})).toBeInTheDocument()
            ${email ? code`expect(within(menu).getByText(${email})).toBeInTheDocument()` : NO_CODE}
          `,
        ),
      )
    return tests
  },
  followUp: (facts, { items, destructiveItem: destructive, iconTrigger, userName }) => {
    const next: {
      items?: readonly string[]
      destructiveItem?: string
      iconTrigger?: boolean
      triggerLabel?: string
    } = {}
    const applied: string[] = []
    const removed = removedItem(facts, items)
    if (removed && items.length > 2) {
      next.items = items.filter((item) => item !== removed)
      if (destructive === removed) next.destructiveItem = ""
      applied.push(`no ${removed} item`)
    } else {
      const added = addedItems(facts, "item|items|option|options|action|actions|entry").filter(
        (item) => !items.includes(item),
      )
      if (added.length > 0) {
        // New items go before the destructive one, which stays last.
        const kept = items.filter((item) => item !== destructive)
        next.items =
          destructive && items.includes(destructive) ? [...kept, ...added, destructive] : [...items, ...added]
        if (!destructive) next.destructiveItem = added.find((item) => DESTRUCTIVE.test(item)) ?? ""
        applied.push(`${sentenceList(added)} ${added.length > 1 ? "items" : "item"}`)
      }
    }
    if (iconTriggerOf(facts) && !iconTrigger && !userName) {
      next.iconTrigger = true
      next.triggerLabel = "More actions"
      applied.push("a ⋯ icon trigger")
    }
    return { values: next, applied }
  },
  followUpHints: ["add a Rename item", "remove Share", "use a three-dots button"],
})
