import type { Recipe } from "../recipe"
import { barChart } from "./bar-chart"
import { dataTable } from "./data-table"
import { featureGrid } from "./feature-grid"
import { footer } from "./footer"
import { heroSection } from "./hero-section"
import { productCard } from "./product-card"
import { profileCard } from "./profile-card"
import { statsCards } from "./stats-cards"
import { testimonial } from "./testimonial"

/** Data display and layout: tables, stats, charts, cards, hero, features, footer and testimonials. */
export const DATA_DISPLAY_RECIPES: Recipe[] = [
  dataTable,
  statsCards,
  barChart,
  productCard,
  heroSection,
  featureGrid,
  footer,
  profileCard,
  testimonial,
]
