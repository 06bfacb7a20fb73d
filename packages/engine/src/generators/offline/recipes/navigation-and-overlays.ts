import type { Recipe } from "../recipe"
import { accordion } from "./accordion"
import { breadcrumbs } from "./breadcrumbs"
import { dropdownMenu } from "./dropdown-menu"
import { modalDialog } from "./modal-dialog"
import { navbar } from "./navbar"
import { pagination } from "./pagination"
import { sidebar } from "./sidebar"
import { toastNotification } from "./toast-notification"
import { tooltip } from "./tooltip"

/** Navigation and overlays: navbar, pagination, breadcrumbs, sidebar, dialog, toast, tooltip, menu, accordion. */
export const NAVIGATION_AND_OVERLAY_RECIPES: Recipe[] = [
  navbar,
  pagination,
  breadcrumbs,
  sidebar,
  modalDialog,
  toastNotification,
  tooltip,
  dropdownMenu,
  accordion,
]
