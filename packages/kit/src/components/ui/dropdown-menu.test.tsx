import * as React from "react"
import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, it, expect, vi } from "vitest"

import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "./dropdown-menu"

function AccountMenu({ onProfile, onDelete }: { onProfile?: () => void; onDelete?: () => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger>Open menu</DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>My Account</DropdownMenuLabel>
        <DropdownMenuGroup>
          <DropdownMenuItem onSelect={onProfile}>
            Profile
            <DropdownMenuShortcut>⇧⌘P</DropdownMenuShortcut>
          </DropdownMenuItem>
          <DropdownMenuItem inset>Billing</DropdownMenuItem>
          <DropdownMenuItem disabled>Team</DropdownMenuItem>
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuSub>
          <DropdownMenuSubTrigger>Invite users</DropdownMenuSubTrigger>
          <DropdownMenuSubContent>
            <DropdownMenuItem>Email</DropdownMenuItem>
            <DropdownMenuItem>Message</DropdownMenuItem>
          </DropdownMenuSubContent>
        </DropdownMenuSub>
        <DropdownMenuItem variant="destructive" onSelect={onDelete}>
          Delete account
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}

function ViewMenu({ onStatusBarChange }: { onStatusBarChange?: (checked: boolean) => void }) {
  const [statusBar, setStatusBar] = React.useState(true)
  const [panel, setPanel] = React.useState("top")
  return (
    <DropdownMenu>
      <DropdownMenuTrigger>View</DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuCheckboxItem
          checked={statusBar}
          onCheckedChange={(checked) => {
            setStatusBar(checked)
            onStatusBarChange?.(checked)
          }}
        >
          Status Bar
        </DropdownMenuCheckboxItem>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup value={panel} onValueChange={setPanel}>
          <DropdownMenuRadioItem value="top">Top</DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="bottom">Bottom</DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}

describe("DropdownMenu", () => {
  it("opens a menu of menuitems when the trigger is clicked", async () => {
    const user = userEvent.setup()
    render(<AccountMenu />)
    const trigger = screen.getByRole("button", { name: "Open menu" })
    expect(trigger).toHaveAttribute("aria-haspopup", "menu")
    expect(trigger).toHaveAttribute("aria-expanded", "false")
    expect(screen.queryByRole("menu")).not.toBeInTheDocument()

    await user.click(trigger)

    const menu = screen.getByRole("menu")
    expect(menu).toHaveAttribute("data-slot", "dropdown-menu-content")
    expect(trigger).toHaveAttribute("aria-expanded", "true")
    expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual([
      "Profile⇧⌘P",
      "Billing",
      "Team",
      "Invite users",
      "Delete account",
    ])
    expect(screen.getByRole("menuitem", { name: "Team" })).toHaveAttribute("aria-disabled", "true")
    expect(screen.getByText("My Account")).toHaveAttribute("data-slot", "dropdown-menu-label")
  })

  it("calls onSelect and closes when an item is clicked, returning focus to the trigger", async () => {
    const user = userEvent.setup()
    const onProfile = vi.fn()
    render(<AccountMenu onProfile={onProfile} />)
    const trigger = screen.getByRole("button", { name: "Open menu" })
    await user.click(trigger)

    await user.click(screen.getByRole("menuitem", { name: /Profile/ }))

    expect(onProfile).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole("menu")).not.toBeInTheDocument()
    expect(trigger).toHaveFocus()
  })

  it("can be driven with the keyboard", async () => {
    const user = userEvent.setup()
    const onDelete = vi.fn()
    render(<AccountMenu onDelete={onDelete} />)
    screen.getByRole("button", { name: "Open menu" }).focus()

    await user.keyboard("{Enter}")
    expect(screen.getByRole("menu")).toBeInTheDocument()
    expect(screen.getByRole("menuitem", { name: /Profile/ })).toHaveFocus()

    await user.keyboard("{End}")
    expect(screen.getByRole("menuitem", { name: "Delete account" })).toHaveFocus()
    await user.keyboard("{Enter}")

    expect(onDelete).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole("menu")).not.toBeInTheDocument()
  })

  it("skips disabled items and closes on Escape", async () => {
    const user = userEvent.setup()
    render(<AccountMenu />)
    const trigger = screen.getByRole("button", { name: "Open menu" })
    trigger.focus()
    await user.keyboard("{Enter}")

    await user.keyboard("{ArrowDown}{ArrowDown}")
    expect(screen.getByRole("menuitem", { name: "Invite users" })).toHaveFocus()

    await user.keyboard("{Escape}")
    expect(screen.queryByRole("menu")).not.toBeInTheDocument()
    expect(trigger).toHaveFocus()
  })

  it("marks item variants and inset with data attributes", async () => {
    const user = userEvent.setup()
    render(<AccountMenu />)
    await user.click(screen.getByRole("button", { name: "Open menu" }))

    const destructive = screen.getByRole("menuitem", { name: "Delete account" })
    expect(destructive).toHaveAttribute("data-variant", "destructive")
    expect(destructive).toHaveClass("data-[variant=destructive]:text-destructive")
    expect(screen.getByRole("menuitem", { name: /Profile/ })).toHaveAttribute("data-variant", "default")
    expect(screen.getByRole("menuitem", { name: "Billing" })).toHaveAttribute("data-inset", "true")
    expect(screen.getByText("⇧⌘P")).toHaveAttribute("data-slot", "dropdown-menu-shortcut")
  })

  it("opens a submenu with ArrowRight", async () => {
    const user = userEvent.setup()
    render(<AccountMenu />)
    screen.getByRole("button", { name: "Open menu" }).focus()
    await user.keyboard("{Enter}{ArrowDown}{ArrowDown}")
    const subTrigger = screen.getByRole("menuitem", { name: "Invite users" })
    expect(subTrigger).toHaveAttribute("aria-haspopup", "menu")
    expect(subTrigger).toHaveFocus()

    await user.keyboard("{ArrowRight}")

    expect(subTrigger).toHaveAttribute("aria-expanded", "true")
    expect(screen.getByRole("menuitem", { name: "Email" })).toHaveFocus()
    expect(screen.getAllByRole("menu")).toHaveLength(2)
  })

  it("toggles checkbox items", async () => {
    const user = userEvent.setup()
    const onStatusBarChange = vi.fn()
    render(<ViewMenu onStatusBarChange={onStatusBarChange} />)
    const trigger = screen.getByRole("button", { name: "View" })

    await user.click(trigger)
    const item = screen.getByRole("menuitemcheckbox", { name: "Status Bar" })
    expect(item).toHaveAttribute("aria-checked", "true")
    expect(item.querySelector("svg")).toBeInTheDocument()
    await user.click(item)

    expect(onStatusBarChange).toHaveBeenLastCalledWith(false)
    expect(screen.queryByRole("menu")).not.toBeInTheDocument()

    await user.click(trigger)
    const reopened = screen.getByRole("menuitemcheckbox", { name: "Status Bar" })
    expect(reopened).toHaveAttribute("aria-checked", "false")
    expect(reopened.querySelector("svg")).not.toBeInTheDocument()
    await user.click(reopened)
    expect(onStatusBarChange).toHaveBeenLastCalledWith(true)
  })

  it("selects one radio item in a group", async () => {
    const user = userEvent.setup()
    render(<ViewMenu />)
    const trigger = screen.getByRole("button", { name: "View" })

    await user.click(trigger)
    expect(screen.getByRole("menuitemradio", { name: "Top" })).toHaveAttribute("aria-checked", "true")
    await user.click(screen.getByRole("menuitemradio", { name: "Bottom" }))

    await user.click(trigger)
    expect(screen.getByRole("menuitemradio", { name: "Top" })).toHaveAttribute("aria-checked", "false")
    expect(screen.getByRole("menuitemradio", { name: "Bottom" })).toHaveAttribute("aria-checked", "true")
  })
})
