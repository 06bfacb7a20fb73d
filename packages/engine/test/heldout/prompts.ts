import type { HeldOutEntry } from "./types"

const PROGRESS = ["progressbar", "meter"] as const
const TOGGLE = ["switch", "checkbox"] as const
const NUMBER_FIELD = ["spinbutton", "textbox"] as const
const CHOICE = ["radio", "button", "checkbox"] as const
const DISMISS = ["Close", "Dismiss"]

/** Prompts for banners, widgets, media controls, meters, summaries, feeds, polls, timelines, trackers and panels. */
export const HELD_OUT: readonly HeldOutEntry[] = [
  // Banners
  {
    prompt:
      "a cookie consent banner saying 'We use cookies to improve your experience' with Accept all and Reject buttons",
    parts: [
      { text: "We use cookies to improve your experience" },
      { role: "button", name: "Accept all" },
      { role: "button", name: "Reject" },
    ],
  },
  {
    prompt: 'a dismissible announcement bar: "Free shipping on orders over $50" with a close button',
    parts: [{ text: "Free shipping on orders over $50" }, { role: "button", name: DISMISS }],
  },
  {
    prompt: "an 'Install our app' banner with an Install button and a Not now button",
    parts: [
      { text: "Install our app" },
      { role: "button", name: "Install" },
      { role: "button", name: "Not now" },
    ],
  },
  {
    prompt:
      "maintenance banner: 'Scheduled maintenance on Sunday 2-4 AM' with a Learn more link and a dismiss button",
    parts: [
      { text: "Scheduled maintenance on Sunday 2-4 AM" },
      { role: ["link", "button"], name: "Learn more" },
      { role: "button", name: DISMISS },
    ],
  },
  {
    prompt: "a trial ending banner that says 'Your trial ends in 3 days' with an Upgrade now button",
    parts: [{ text: "Your trial ends in 3 days" }, { role: "button", name: "Upgrade now" }],
  },

  // Widgets
  {
    prompt: "a weather widget showing the temperature in Paris, 18°C, and a 5-day forecast",
    parts: [{ text: "Paris" }, { text: "18°C" }, { role: ["listitem", "row"], min: 5 }],
  },
  {
    prompt: "a notification bell with an unread count badge showing 3 and a dropdown list of notifications",
    parts: [{ role: "button", name: "notification" }, { text: "3" }],
  },
  {
    prompt: "a language learning streak widget: 12 day streak and a Practice now button",
    parts: [{ text: "12" }, { role: "button", name: "Practice now" }],
  },
  {
    prompt: "donation widget with $5, $10 and $25 buttons and a custom amount input",
    parts: [
      { role: "button", name: "$5" },
      { role: "button", name: "$10" },
      { role: "button", name: "$25" },
      { label: "amount" },
    ],
  },
  {
    prompt:
      "a queue position widget: 'You are number 4 in line', about 8 minutes wait, and a Leave queue button",
    parts: [
      { text: "You are number 4 in line" },
      { text: "8 minutes" },
      { role: "button", name: "Leave queue" },
    ],
  },
  {
    prompt: "crypto price ticker showing BTC at $64,000 and ETH at $3,100",
    parts: [{ text: "BTC" }, { text: "$64,000" }, { text: "ETH" }, { text: "$3,100" }],
  },
  {
    prompt: "a feedback widget asking 'Was this page helpful?' with Yes and No buttons",
    parts: [
      { text: "Was this page helpful?" },
      { role: "button", name: "Yes" },
      { role: "button", name: "No" },
    ],
  },
  {
    prompt: "a coupon code box with a code input, an Apply button and a note saying 10% off your first order",
    parts: [{ label: "code" }, { role: "button", name: "Apply" }, { text: "10% off your first order" }],
  },

  // Media controls
  {
    prompt: "a music player with play/pause, next track and a progress bar",
    parts: [
      { role: "button", name: ["Play", "Pause"] },
      { role: "button", name: "Next" },
      { role: ["progressbar", "meter", "slider"] },
    ],
  },
  {
    prompt: "a volume control with a mute button and a volume slider",
    parts: [
      { role: "button", name: "Mute" },
      { role: "slider", name: "Volume" },
    ],
  },
  {
    prompt: "video player controls: a play button, the time 0:00 / 3:45 and a fullscreen button",
    parts: [{ role: "button", name: "Play" }, { text: "3:45" }, { role: "button", name: "Fullscreen" }],
  },
  {
    prompt:
      "podcast episode card with the title 'Episode 12: Shipping fast', 42 min long, a Play button and a playback speed select with 1x, 1.5x and 2x",
    parts: [
      { text: "Episode 12: Shipping fast" },
      { text: "42 min" },
      { role: "button", name: "Play" },
      { role: "combobox", name: "speed" },
    ],
  },

  // Meters
  {
    prompt: "a password strength meter under a password input",
    parts: [{ label: "Password" }, { role: PROGRESS }],
  },
  {
    prompt: "storage usage meter showing 7.5 GB of 10 GB used",
    parts: [{ role: PROGRESS }, { text: "7.5 GB" }, { text: "10 GB" }],
  },
  {
    prompt: "a battery level indicator at 64% with a Low power mode toggle",
    parts: [{ role: PROGRESS }, { text: "64%" }, { role: TOGGLE, name: "Low power mode" }],
  },
  {
    prompt: "a fundraising goal card: $3,200 raised of $5,000 with a progress bar",
    parts: [{ text: "$3,200" }, { text: "$5,000" }, { role: PROGRESS }],
  },
  {
    prompt: "a reading progress indicator showing chapter 3 of 10 with a progress bar",
    parts: [{ text: ["3 of 10", "3/10", "3 / 10"] }, { role: PROGRESS }],
  },

  // Summaries and computed values
  {
    prompt:
      "an invoice with line items Design $400 x 1 and Hosting $20 x 12, with quantities, a subtotal, 8% tax and a total",
    parts: [
      { text: "Design" },
      { text: "Hosting" },
      { text: "$640.00" },
      { text: "$51.20" },
      { text: "$691.20" },
    ],
  },
  {
    prompt: "monthly expenses summary card: Rent $1200, Food $450, Transport $150 and the total",
    parts: [{ text: "Rent" }, { text: "Food" }, { text: "Transport" }, { text: ["$1,800", "$1800"] }],
  },
  {
    prompt:
      "shopping cart summary with a subtotal of $84.00, shipping $5.00, the total and a Checkout button",
    parts: [{ text: "$84.00" }, { text: "$5.00" }, { text: "$89.00" }, { role: "button", name: "Checkout" }],
  },
  {
    prompt: "a discount calculator with a price input, a discount percentage input and the final price",
    parts: [
      { role: NUMBER_FIELD, name: "Price" },
      { role: NUMBER_FIELD, name: "Discount" },
      { text: "Final price" },
    ],
  },
  {
    prompt: "macro nutrients summary: protein 120 g, carbs 200 g and fat 60 g, each with a progress bar",
    parts: [{ text: "Protein" }, { text: "Carbs" }, { text: "Fat" }, { role: PROGRESS, min: 3 }],
  },
  {
    prompt: "sprint burndown summary: 34 points in total, 21 done, the points remaining and a progress bar",
    parts: [{ text: "34" }, { text: "21" }, { text: "13" }, { role: PROGRESS }],
  },
  {
    prompt: "sleep summary: 7h 20m last night against a goal of 8 hours, with a progress bar",
    parts: [{ text: "7h 20m" }, { text: "8 hours" }, { role: PROGRESS }],
  },
  {
    prompt: "exam results table with Subject, Grade and Score columns and the average score below it",
    parts: [
      { role: "columnheader", name: "Subject" },
      { role: "columnheader", name: "Grade" },
      { role: "columnheader", name: "Score" },
      { text: "Average" },
    ],
  },

  // Feeds
  {
    prompt:
      "team activity feed listing 'Ana commented on Design review', 'Ben merged PR #42' and 'Cy joined the team'",
    parts: [
      { text: "Ana commented on Design review" },
      { text: "Ben merged PR #42" },
      { text: "Cy joined the team" },
    ],
  },
  {
    prompt: "a server status panel: API Operational, Database Degraded, Search Down",
    parts: [{ text: "API" }, { text: "Operational" }, { text: "Degraded" }, { text: "Down" }],
  },
  {
    prompt: "a changelog feed with entries v2.1 'Dark mode', v2.0 'New editor' and v1.9 'Faster search'",
    parts: [{ text: "v2.1" }, { text: "Dark mode" }, { text: "New editor" }, { text: "Faster search" }],
  },

  // Polls
  {
    prompt:
      "a poll asking 'Which framework do you use?' with options React, Vue and Svelte and a Vote button",
    parts: [
      { text: "Which framework do you use?" },
      { role: CHOICE, name: "React" },
      { role: CHOICE, name: "Vue" },
      { role: CHOICE, name: "Svelte" },
      { role: "button", name: "Vote" },
    ],
  },
  {
    prompt: "event RSVP card for 'Team offsite, May 3' with Going, Maybe and Can't go buttons",
    parts: [
      { text: "Team offsite, May 3" },
      { role: "button", name: "Going" },
      { role: "button", name: "Maybe" },
      { role: "button", name: "Can't go" },
    ],
  },
  {
    prompt: "a 'Rate your delivery' card with Thumbs up and Thumbs down buttons and an optional comment box",
    parts: [
      { text: "Rate your delivery" },
      { role: "button", name: "Thumbs up" },
      { role: "button", name: "Thumbs down" },
      { role: "textbox", name: "comment" },
    ],
  },

  // Timelines and steps
  {
    prompt: "an order tracking timeline: Ordered, Packed, Shipped, Delivered",
    parts: [{ text: "Ordered" }, { text: "Packed" }, { text: "Shipped" }, { text: "Delivered" }],
  },
  {
    prompt: "a job application status timeline with Applied, Phone screen, Interview and Offer",
    parts: [{ text: "Applied" }, { text: "Phone screen" }, { text: "Interview" }, { text: "Offer" }],
  },
  {
    prompt: "checkout steps indicator: Cart, Shipping, Payment, Review",
    parts: [{ text: "Cart" }, { text: "Shipping" }, { text: "Payment" }, { text: "Review" }],
  },

  // Trackers
  {
    prompt: "a habit tracker with a checkbox for each day of the week",
    parts: [{ role: "checkbox", min: 7 }],
  },
  {
    prompt:
      "water intake tracker with a goal of 8 glasses, Add glass and Remove glass buttons and a progress bar",
    parts: [
      { text: "8" },
      { role: "button", name: "Add glass" },
      { role: "button", name: "Remove glass" },
      { role: PROGRESS },
    ],
  },
  {
    prompt: "a plant watering tracker listing Fern, Cactus and Monstera, each with a Watered button",
    parts: [
      { text: "Fern" },
      { text: "Cactus" },
      { text: "Monstera" },
      { role: "button", name: "Watered", min: 3 },
    ],
  },
  {
    prompt:
      "a workout log with an exercise input, a reps number input, an Add set button and the list of sets",
    parts: [
      { role: "textbox", name: "Exercise" },
      { role: "spinbutton", name: "Reps" },
      { role: "button", name: "Add set" },
    ],
  },
  {
    prompt: "an upload queue showing three files with their progress bars and a Cancel all button",
    parts: [
      { role: PROGRESS, min: 3 },
      { role: "button", name: "Cancel all" },
    ],
  },
  {
    prompt: "a mood tracker with buttons for Great, Okay and Bad and a note textarea",
    parts: [
      { role: "button", name: "Great" },
      { role: "button", name: "Okay" },
      { role: "button", name: "Bad" },
      { role: "textbox", name: "note" },
    ],
  },

  // Settings panels
  {
    prompt:
      "a settings panel with a dark mode switch, an email notifications checkbox and a language select with English, French and German",
    parts: [
      { role: TOGGLE, name: "Dark mode" },
      { role: "checkbox", name: "Email notifications" },
      { role: "combobox", name: "Language" },
    ],
  },
  {
    prompt:
      "privacy settings with toggles for Analytics, Marketing and Functional cookies and a Save preferences button",
    parts: [
      { role: TOGGLE, name: "Analytics" },
      { role: TOGGLE, name: "Marketing" },
      { role: TOGGLE, name: "Functional" },
      { role: "button", name: "Save preferences" },
    ],
  },
  {
    prompt:
      "an accessibility settings panel with a font size slider, a high contrast switch and a reduce motion checkbox",
    parts: [
      { role: "slider", name: "Font size" },
      { role: TOGGLE, name: "High contrast" },
      { role: "checkbox", name: "Reduce motion" },
    ],
  },
  {
    prompt: "smart home panel with Living room lights and Heating switches and a thermostat slider",
    parts: [
      { role: TOGGLE, name: "Living room lights" },
      { role: TOGGLE, name: "Heating" },
      { role: "slider", name: "Thermostat" },
    ],
  },

  // Cards
  {
    prompt: "file download card for 'Annual report.pdf', 2.4 MB, with a Download button",
    parts: [{ text: "Annual report.pdf" }, { text: "2.4 MB" }, { role: "button", name: "Download" }],
  },
  {
    prompt: "a birthday reminder card: 'Maya's birthday in 5 days' with a Send wishes button",
    parts: [{ text: "Maya's birthday in 5 days" }, { role: "button", name: "Send wishes" }],
  },
  {
    prompt:
      "a recipe card with an image of pancakes, an ingredients list of flour, eggs and milk, and a Save recipe button",
    parts: [
      { role: "img", name: "pancake" },
      { role: "listitem", min: 3 },
      { text: "flour" },
      { text: "eggs" },
      { text: "milk" },
      { role: "button", name: "Save recipe" },
    ],
  },
  {
    prompt: "flight card: LHR to JFK, departs 09:40, gate B12, with a Check in button",
    parts: [
      { text: "LHR" },
      { text: "JFK" },
      { text: "09:40" },
      { text: "B12" },
      { role: "button", name: "Check in" },
    ],
  },
  {
    prompt:
      "a library book card with a cover image, the title 'Dune', the author Frank Herbert and a Borrow button",
    parts: [{ role: "img" }, { text: "Dune" }, { text: "Frank Herbert" }, { role: "button", name: "Borrow" }],
  },
  {
    prompt: "an auction item card with a current bid of $120, a Place bid button and a 10 minute timer",
    parts: [{ text: "$120" }, { role: "button", name: "Place bid" }, { text: "10:00" }],
  },
  {
    prompt: "a two-factor setup card with a QR code image, a code input and a Verify button",
    parts: [{ role: "img", name: "QR" }, { label: "code" }, { role: "button", name: "Verify" }],
  },
  {
    prompt: "an avatar group showing 4 team member avatars and a +3 badge",
    parts: [{ role: "img", min: 4 }, { text: "+3" }],
  },

  // Forms and tools
  {
    prompt:
      "a support ticket form with a subject input, a priority select (Low, Medium, High), a description textarea and a Submit ticket button",
    parts: [
      { role: "textbox", name: "Subject" },
      { role: "combobox", name: "Priority" },
      { role: "textbox", name: "Description" },
      { role: "button", name: "Submit ticket" },
    ],
  },
  {
    prompt: "a daily standup note with Yesterday, Today and Blockers textareas and a Post button",
    parts: [
      { role: "textbox", name: "Yesterday" },
      { role: "textbox", name: "Today" },
      { role: "textbox", name: "Blockers" },
      { role: "button", name: "Post" },
    ],
  },
  {
    prompt: "a keyboard shortcuts table with Action and Shortcut columns",
    parts: [
      { role: "columnheader", name: "Action" },
      { role: "columnheader", name: "Shortcut" },
    ],
  },
  {
    prompt: "parking meter: pick 1 to 4 hours with a slider at $2.50 per hour and show the total",
    parts: [{ role: "slider" }, { text: "$2.50" }, { text: "Total" }],
  },
  {
    prompt: "a movie ticket picker with Adult $12 and Child $8 quantity counters and the total price",
    parts: [{ text: "Adult" }, { text: "Child" }, { text: "Total" }],
  },
  {
    prompt: "a snippet box showing 'npm install ai-studio' with a Copy button",
    parts: [{ text: "npm install ai-studio" }, { role: "button", name: "Copy" }],
  },
]
