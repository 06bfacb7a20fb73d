import type { CorpusEntry } from "./types"

/** Prompts for the data display and layout recipes. */
export const DATA_DISPLAY_PROMPTS: CorpusEntry[] = [
  {
    prompt:
      "I need a users table with columns name, email, role and status — should be sortable and have a search filter",
    kind: "data-table",
    expect: ["UsersTable", "Name", "Email", "Role", "Status", "Filter users", "aria-sort"],
    followUp: { prompt: "add a Last login column", expect: ["Last login"] },
  },
  {
    prompt: "Orders table: Order ID, Customer, Date, Total and Status with 8 rows, prices in euros",
    kind: "data-table",
    expect: ["OrdersTable", "Order ID", "Customer", "Total", "€", "Showing 8 of 8"],
  },
  {
    prompt: "show my product inventory in a table - sku, product, category, price, stock, 4 per page",
    kind: "data-table",
    expect: ["ProductsTable", "SKU", "Category", "Stock", "Page 1 of 2", "pageSize = 4"],
    followUp: { prompt: "no pagination, show all rows", expect: ["pageSize = 0"] },
  },
  {
    prompt: "a leaderboard showing rank, player, score and games played",
    kind: "data-table",
    expect: ["LeaderboardTable", "Rank", "Player", "Score", "Games played", "Filter players"],
  },
  {
    prompt: "KPI cards for Revenue, Active users, Churn and NPS",
    kind: "stats-cards",
    expect: ["KpiCards", "Revenue", "Active users", "Churn", "NPS", "up 20.1%"],
    followUp: { prompt: "dark mode please", expect: ["dark = true"] },
  },
  {
    prompt: "dashboard stats row: MRR $12,400 up 8%, Signups 320, Bounce rate 41%. compare to last week",
    kind: "stats-cards",
    expect: ["MRR", "$12,400", "up 8%", "Signups", "320", "Bounce rate", "41%", "vs last week"],
  },
  {
    prompt: "a stats section with 3 numbers: 10k+ customers, 99.9% uptime, 24/7 support",
    kind: "stats-cards",
    expect: ["Customers", "10k+", "Uptime", "99.9%", "Support", "24/7"],
  },
  {
    prompt: "bar chart of monthly revenue: Jan 1200, Feb 1800, Mar 1500, Apr 2200",
    kind: "bar-chart",
    expect: ["RevenueChart", "Revenue by month", "Jan", "Apr", "2200", "Highest Apr at $2,200"],
    followUp: { prompt: "make it a line chart instead", expect: ['variant = "line"'] },
  },
  {
    prompt: "simple bar graph with values 12, 19, 7, 24 for Apples, Pears, Plums and Figs",
    kind: "bar-chart",
    expect: ["Apples", "Pears", "Plums", "Figs", "24", "lowest Plums at 7"],
  },
  {
    prompt: "can you plot website visitors from March to August as a line graph? purple please",
    kind: "bar-chart",
    expect: ["LineChart", "Visitors by month", "Mar", "Aug", "#9333ea"],
  },
  {
    prompt: 'product card for "Trail Runner 2" sneakers, €89 (was €120), 4.6 stars from 312 reviews',
    kind: "product-card",
    expect: ["Trail Runner 2", "€89.00", "€120.00", "EUR", "Rated 4.6 out of 5", "312"],
    followUp: { prompt: "remove the wishlist", expect: ["showWishlist = false"] },
  },
  {
    prompt: "an ecommerce product card, Nike Air Max 90, $129.99, on sale",
    kind: "product-card",
    expect: ["Nike Air Max 90", "$129.99", "Sale"],
  },
  {
    prompt: "a product tile with add to cart and wishlist for a ceramic mug at $24",
    kind: "product-card",
    expect: ["Ceramic Mug", "$24.00", "Add to cart", "Save to wishlist"],
  },
  {
    prompt:
      'Landing page hero with the headline "Build faster with Acme", subheading "The all-in-one platform for modern teams" and buttons "Start free trial" and "Book a demo"',
    kind: "hero-section",
    expect: [
      "Build faster with Acme",
      "The all-in-one platform for modern teams",
      "Start free trial",
      "Book a demo",
    ],
    followUp: { prompt: 'change the main button to "Get early access"', expect: ["Get early access"] },
  },
  {
    prompt: "hero section for my AI startup with an email waitlist signup, dark theme",
    kind: "hero-section",
    expect: ["Join the waitlist", "Email address", "onSubscribe", "dark = true"],
  },
  {
    prompt:
      "features section with Fast sync, End-to-end encryption, Team workspaces and Offline mode, 2 columns",
    kind: "feature-grid",
    expect: ["Fast sync", "End-to-end encryption", "Team workspaces", "Offline mode", "columns = 2"],
  },
  {
    prompt: "a 'why choose us' block with 3 features and little icons",
    kind: "feature-grid",
    expect: ["Why choose us", "Lightning fast", "Secure by default", "Real-time analytics"],
    followUp: { prompt: "add a feature called Smart search", expect: ["Smart search"] },
  },
  {
    prompt:
      'site footer for "Northwind" with columns Product, Company, Resources and Legal, newsletter signup and social links to GitHub, X and LinkedIn',
    kind: "footer",
    expect: [
      "Northwind",
      "Product",
      "Company",
      "Resources",
      "Legal",
      "GitHub",
      "LinkedIn",
      "Subscribe to our newsletter",
    ],
  },
  {
    prompt: "simple footer w/ copyright 2024 and instagram + tiktok icons",
    kind: "footer",
    expect: ["year = 2024", "Instagram", "TikTok"],
    followUp: { prompt: "bump the year to 2026", expect: ["year = 2026"] },
  },
  {
    prompt:
      "profile card for Jane Cooper, a staff engineer at Stripe, with followers, following and posts counts",
    kind: "profile-card",
    expect: [
      "Jane Cooper",
      "Staff Engineer",
      "initials JC",
      "Followers",
      "Following",
      "Posts",
      "aria-pressed",
    ],
  },
  {
    prompt:
      'user card: name "Leo Park", role "iOS Developer", bio "Building calm apps people love. Coffee first."',
    kind: "profile-card",
    expect: ["Leo Park", "iOS Developer", "Building calm apps people love. Coffee first.", "initials LP"],
    followUp: { prompt: "remove the message button", expect: ["showMessage = false"] },
  },
  {
    prompt: "testimonial carousel with 3 customer quotes",
    kind: "testimonial",
    expect: ["Priya Raman", "1 of 3", "Next testimonial", "Previous testimonial"],
    followUp: { prompt: "show them all in a grid instead", expect: ['layout = "grid"'] },
  },
  {
    prompt: "customer reviews slider, 4 of them, make it rounded",
    kind: "testimonial",
    expect: ["Priya Raman", "Tom Okafor", "1 of 4", "1.25rem"],
  },
  {
    prompt:
      'testimonials grid: "This app saved our team hours every week" - Sarah Lee, CTO at Acme; "Best onboarding I have ever seen" - Tom Ford, PM',
    kind: "testimonial",
    expect: ["This app saved our team hours every week", "Sarah Lee", "CTO at Acme", "Tom Ford", "PM"],
  },
]
