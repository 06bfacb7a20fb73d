import type { CorpusEntry } from "./types"

/** Navigation and overlays: navbar, pagination, breadcrumbs, sidebar, dialog, toast, tooltip, menu, accordion. */
export const NAVIGATION_AND_OVERLAY_PROMPTS: CorpusEntry[] = [
  {
    prompt:
      'Need a top navigation bar for my startup called Lumen - links Home, Features, Pricing, Docs and a "Start free trial" button, Pricing should be active',
    kind: "navbar",
    expect: [
      "Lumen",
      "Home",
      "Features",
      "Pricing",
      "Docs",
      "Start free trial",
      "Pricing is marked as the current page",
    ],
    followUp: {
      prompt: "add a Careers link and make it dark",
      expect: ["Careers", "Renders on the dark theme"],
    },
  },
  {
    prompt:
      "site header for Acme Bakery with Menu, Locations, Catering and Order online. mobile friendly pls",
    kind: "navbar",
    expect: ["Acme Bakery", "Menu", "Locations", "Catering", "Order online"],
  },
  {
    prompt: "pager for search results: 240 results with 20 per page, start on page 3",
    kind: "pagination",
    expect: ["12 pages", '"Page 3 of 12"'],
    followUp: {
      prompt: "make it 30 pages and add first/last buttons",
      expect: ["30 pages", "First and Last"],
    },
  },
  {
    prompt: "simple pagination w/ prev + next for a blog that has 5 pages",
    kind: "pagination",
    expect: ["each of the 5 pages", "Previous is disabled on the first page"],
  },
  {
    prompt: "breadcrumbs Home > Women > Shoes > Running shoes",
    kind: "breadcrumbs",
    expect: ["Home", "Women", "Shoes", "Running shoes", "Running shoes is the current page"],
    followUp: { prompt: "use slashes between them instead", expect: ['"slash"'] },
  },
  {
    prompt: "a breadcrumb trail like Dashboard / Projects / Apollo / Settings for our project settings page",
    kind: "breadcrumbs",
    expect: ["Dashboard", "Projects", "Apollo", "Settings is the current page"],
  },
  {
    prompt:
      "left sidebar for an admin panel with Dashboard, Orders, Products, Customers, Analytics and Settings; Orders is active",
    kind: "sidebar",
    expect: [
      "Dashboard",
      "Orders",
      "Products",
      "Customers",
      "Analytics",
      "Orders is marked as the current page",
    ],
    followUp: { prompt: "add a Help item and start collapsed", expect: ["Help", "Starts collapsed"] },
  },
  {
    prompt: "collapsible side nav for Nimbus Mail: Inbox, Drafts, Sent, Archive, Trash",
    kind: "sidebar",
    expect: ["Nimbus Mail", "Inbox", "Drafts", "Sent", "Archive", "Trash"],
  },
  {
    prompt: "confirmation modal before someone deletes their account, with a red confirm button",
    kind: "modal-dialog",
    expect: [
      "Delete account",
      "Delete your account?",
      "cannot be undone",
      "#dc2626",
      "styled as a destructive action",
    ],
    followUp: {
      prompt: 'change the title to "Are you absolutely sure?"',
      expect: ["Are you absolutely sure?"],
    },
  },
  {
    prompt: 'popup asking "Discard unsaved changes?" with buttons "Keep editing" and "Discard"',
    kind: "modal-dialog",
    expect: ["Discard unsaved changes?", "Keep editing", '"Discard"'],
  },
  {
    prompt: 'show a toast saying "Link copied!" when I click Copy link, it should vanish after 3 seconds',
    kind: "toast-notification",
    expect: ["Link copied!", "Copy link", "3000", "after 3 seconds"],
    followUp: {
      prompt: "keep it on screen for 8 seconds and put it in the top right corner",
      expect: ["8000", '"top-right"'],
    },
  },
  {
    prompt: "snackbar notifications for failed uploads",
    kind: "toast-notification",
    expect: ["ToastNotifications", "Upload failed", "Upload file", '"error"'],
  },
  {
    prompt:
      'a little info icon next to "Annual fee" - hovering it shows a tooltip that explains "Charged once a year on your signup date"',
    kind: "tooltip",
    expect: ["InfoTooltip", "Annual fee", "Charged once a year on your signup date", "About Annual fee"],
  },
  {
    prompt: "trash can icon button with a tooltip reading 'Move to trash' shown below it",
    kind: "tooltip",
    expect: ["TooltipButton", "Move to trash", '"bottom"', '"trash"'],
    followUp: { prompt: "put the tooltip on the left", expect: ['"left"'] },
  },
  {
    prompt: "kebab menu for table rows: View, Edit, Duplicate, Export CSV, Delete",
    kind: "dropdown-menu",
    expect: [
      "ActionsMenu",
      "View",
      "Edit",
      "Duplicate",
      "Export CSV",
      "More actions",
      "Delete is styled as destructive",
    ],
  },
  {
    prompt: "user menu with avatar for Grace Hopper showing Profile, Team settings, Billing and Sign out",
    kind: "dropdown-menu",
    expect: ["UserMenu", "Grace Hopper", "Profile", "Team settings", "Billing", "Sign out"],
    followUp: { prompt: "add a Keyboard shortcuts item", expect: ["Keyboard shortcuts"] },
  },
  {
    prompt: "FAQ section for our SaaS pricing page, 6 questions, let people open several at once",
    kind: "accordion",
    expect: ["Is there a free trial?", "Shows 6 items", "Several items can be open at the same time"],
    followUp: { prompt: "only one open at a time please", expect: ["Only one item is open at a time"] },
  },
  {
    prompt: "accordion for a product page with Description, Materials & care, Shipping and Reviews",
    kind: "accordion",
    expect: ["DetailsAccordion", "Description", "Materials & care", "Shipping", "Reviews", "organic cotton"],
  },
  {
    prompt: "faq w/ 4 questions about returns and refunds, first one expanded",
    kind: "accordion",
    expect: ["What is your return policy?", "is open at first"],
  },
]
