import type { CorpusEntry } from "./types"

/** Inputs and controls: star rating, sliders, colour picker, stepper, character counter, toggles, search, to-do. */
export const INPUT_PROMPTS: CorpusEntry[] = [
  {
    prompt: "can u make a 5 star rating thing for our recipe reviews, with a reset button",
    kind: "star-rating",
    expect: ["Rate this recipe", "Clear rating", "Rate n out of 5"],
    followUp: { prompt: "make it 10 stars instead", expect: ["Rate n out of 10", "Clear rating"] },
  },
  {
    prompt: "Rating widget for a hotel stay, out of 10, starts at 7",
    kind: "star-rating",
    expect: ["Rate this hotel", "7 of 10"],
  },
  {
    prompt: "volume control slider 0-100 in steps of 5",
    kind: "range-slider",
    expect: ["VolumeSlider", "Volume", "Arrow keys move by 5", "100%"],
    followUp: { prompt: "make it purple", expect: ["#9333ea"] },
  },
  {
    prompt: "I need a price range filter for my shop, $20 to $400, two handles",
    kind: "range-slider",
    expect: ["PriceRangeSlider", "$20", "$400", "Minimum", "Maximum"],
    followUp: { prompt: "use steps of 20", expect: ["Arrow keys move by 20"] },
  },
  {
    prompt: "slider to pick the temperature between 16 and 30 celsius",
    kind: "range-slider",
    expect: ["Temperature", "16°C", "30°C"],
  },
  {
    prompt: "colour picker for the brand colour w/ a hex field and about 6 swatches",
    kind: "color-picker",
    expect: ["Brand colour", "#2563eb", "Hex"],
    followUp: { prompt: "8 swatches please", expect: ["Violet", "Pink"] },
  },
  {
    prompt: "color chooser with just red, green, blue and black, no hex input",
    kind: "color-picker",
    expect: ["Red", "Green", "Blue", "Black", "#0a0a0a"],
  },
  {
    prompt: "quantity picker for a cart item, min 1 max 10",
    kind: "quantity-stepper",
    expect: ["Quantity", "between 1 and 10"],
    followUp: { prompt: "add a reset button", expect: ["A Reset button returns the value to 1"] },
  },
  {
    prompt: "plus and minus buttons to choose how many guests, 1 to 12",
    kind: "quantity-stepper",
    expect: ["Guests", "between 1 and 12", "Increase guests"],
  },
  {
    prompt: "tweet box w/ 280 char limit",
    kind: "character-counter",
    expect: ["TweetComposer", "280 characters left", "Post"],
    followUp: { prompt: "limit it to 140 characters", expect: ["140 characters left"] },
  },
  {
    prompt: "Bio editor for user profiles, max 160 characters, the save button says 'Update bio'",
    kind: "character-counter",
    expect: ["BioEditor", "Update bio", "160 characters left"],
  },
  {
    prompt: "comment box with a character counter, 500 chars max",
    kind: "character-counter",
    expect: ["Comment", "500 characters left", "Post comment"],
  },
  {
    prompt: "notification preferences: email, push and SMS, with a save button",
    kind: "toggle-settings",
    expect: ["NotificationSettings", "Email notifications", "Push notifications", "SMS notifications"],
    followUp: { prompt: 'add a toggle for "Weekly digest"', expect: ["Weekly digest"] },
  },
  {
    prompt: "privacy settings page with a few toggles",
    kind: "toggle-settings",
    expect: ["Privacy", "Public profile", "Read receipts"],
  },
  {
    prompt: "searchable list of fruits: apple, banana, cherry, mango and kiwi",
    kind: "search-list",
    expect: ["Apple", "Banana", "Cherry", "Mango", "Kiwi", "No results for"],
  },
  {
    prompt: "user search — filter our team members by name as you type",
    kind: "search-list",
    expect: ["UserSearch", "Amelia Chen", "Search team members"],
  },
  {
    prompt: "product search box for our store, prices in euros",
    kind: "search-list",
    expect: ["ProductSearch", "Wireless Headphones", "€129"],
  },
  {
    prompt: "todo app with buy milk, walk the dog and pay rent",
    kind: "todo-list",
    expect: ["Buy milk", "Walk the dog", "Pay rent", "Clear completed"],
    followUp: { prompt: 'add "Call mum"', expect: ["Call mum"] },
  },
  {
    prompt: "grocery list for the week",
    kind: "todo-list",
    expect: ["ShoppingList", "Shopping list", "Sourdough bread"],
  },
]
