/** Questions on a topic: the question, its choices separated by "|" and the right answer. */
export type Bank = readonly [question: string, choices: string, answer: string][]

export const GENERAL: Bank = [
  ["How many continents are there?", "5|6|7|8", "7"],
  ["What is the largest ocean on Earth?", "Atlantic|Indian|Arctic|Pacific", "Pacific"],
  ["Which planet is known as the Red Planet?", "Venus|Mars|Jupiter|Mercury", "Mars"],
  ["Who painted the Mona Lisa?", "Michelangelo|Raphael|Leonardo da Vinci|Donatello", "Leonardo da Vinci"],
  ["What is the chemical symbol for gold?", "Ag|Au|Gd|Go", "Au"],
  ["How many sides does a hexagon have?", "5|6|7|8", "6"],
  ["What is the tallest mountain in the world?", "K2|Kangchenjunga|Mount Everest|Lhotse", "Mount Everest"],
  [
    "Which language has the most native speakers?",
    "English|Spanish|Hindi|Mandarin Chinese",
    "Mandarin Chinese",
  ],
  ["At what temperature does water freeze, in Celsius?", "-10 °C|0 °C|4 °C|32 °C", "0 °C"],
  ["What is the smallest prime number?", "0|1|2|3", "2"],
]

export const SPACE: Bank = [
  ["Which planet is closest to the Sun?", "Venus|Mercury|Earth|Mars", "Mercury"],
  ["What is the largest planet in our solar system?", "Saturn|Neptune|Jupiter|Uranus", "Jupiter"],
  ["What is the name of our galaxy?", "Andromeda|Milky Way|Whirlpool|Sombrero", "Milky Way"],
  [
    "Who was the first person to walk on the Moon?",
    "Buzz Aldrin|Yuri Gagarin|Neil Armstrong|John Glenn",
    "Neil Armstrong",
  ],
  [
    "How long does sunlight take to reach Earth?",
    "About 8 seconds|About 8 minutes|About 8 hours|About 8 days",
    "About 8 minutes",
  ],
  ["Which is the hottest planet in the solar system?", "Mercury|Venus|Mars|Jupiter", "Venus"],
  [
    "What is the Sun mostly made of?",
    "Oxygen and carbon|Hydrogen and helium|Iron and nickel|Nitrogen and neon",
    "Hydrogen and helium",
  ],
  ["How many planets are in the solar system?", "7|8|9|10", "8"],
  ["Which planet has the most famous rings?", "Saturn|Mars|Venus|Mercury", "Saturn"],
  [
    "What is the name of Mars's largest volcano?",
    "Mauna Kea|Olympus Mons|Mount Sharp|Elysium Mons",
    "Olympus Mons",
  ],
]

export const GEOGRAPHY: Bank = [
  ["What is the capital of Australia?", "Sydney|Melbourne|Canberra|Perth", "Canberra"],
  ["What is the capital of Canada?", "Toronto|Ottawa|Vancouver|Montreal", "Ottawa"],
  ["Which is the longest river in Africa?", "Congo|Niger|Zambezi|Nile", "Nile"],
  ["What is the capital of Japan?", "Kyoto|Osaka|Tokyo|Nagoya", "Tokyo"],
  ["Which is the largest country by area?", "Canada|China|United States|Russia", "Russia"],
  ["What is the capital of Brazil?", "Rio de Janeiro|São Paulo|Brasília|Salvador", "Brasília"],
  ["Which is the largest hot desert?", "Gobi|Kalahari|Sahara|Arabian", "Sahara"],
  [
    "What is the smallest country in the world?",
    "Monaco|Vatican City|San Marino|Liechtenstein",
    "Vatican City",
  ],
  ["In which country is Mount Kilimanjaro?", "Kenya|Tanzania|Uganda|Ethiopia", "Tanzania"],
  ["Which ocean lies between Africa and Australia?", "Atlantic|Pacific|Indian|Arctic", "Indian"],
]

export const WEB: Bank = [
  ["Which keyword declares a block-scoped variable that can be reassigned?", "var|let|const|static", "let"],
  ["What does typeof null return?", "null|object|undefined|number", "object"],
  ["Which array method adds an item to the end?", "shift()|unshift()|push()|pop()", "push()"],
  [
    "What does JSON stand for?",
    "JavaScript Object Notation|Java Standard Object Notation|JavaScript Online Network|Joined Serial Object Nodes",
    "JavaScript Object Notation",
  ],
  ["Which operator compares without type coercion?", "==|===|=|!=", "==="],
  ["Which array method keeps only the items that pass a test?", "map|filter|reduce|forEach", "filter"],
  [
    "What does HTML stand for?",
    "HyperText Markup Language|High Transfer Markup Language|HyperText Machine Language|Home Tool Markup Language",
    "HyperText Markup Language",
  ],
  ["Which CSS property sets the text colour?", "font-color|text-color|color|foreground", "color"],
  ["What does 0.1 + 0.2 === 0.3 evaluate to?", "true|false|undefined|NaN", "false"],
  ["Which HTTP status code means Not Found?", "200|301|404|500", "404"],
]

export const HISTORY: Bank = [
  ["In which year did World War II end?", "1943|1944|1945|1946", "1945"],
  [
    "Who was the first President of the United States?",
    "Thomas Jefferson|John Adams|George Washington|Abraham Lincoln",
    "George Washington",
  ],
  ["In which year did the Berlin Wall fall?", "1987|1989|1991|1993", "1989"],
  ["Which civilisation built Machu Picchu?", "Aztec|Maya|Inca|Olmec", "Inca"],
  [
    "Who was the first woman to win a Nobel Prize?",
    "Marie Curie|Ada Lovelace|Rosalind Franklin|Florence Nightingale",
    "Marie Curie",
  ],
  ["In which year did people first land on the Moon?", "1965|1969|1972|1975", "1969"],
  ["Julius Caesar was a leader of which ancient state?", "Rome|Greece|Egypt|Persia", "Rome"],
  ["In which year was Magna Carta sealed?", "1066|1215|1492|1776", "1215"],
  [
    "Who wrote the first draft of the Declaration of Independence?",
    "Benjamin Franklin|Thomas Jefferson|John Adams|James Madison",
    "Thomas Jefferson",
  ],
  ["Which ship sank on its maiden voyage in 1912?", "Lusitania|Titanic|Britannic|Olympic", "Titanic"],
]

export const SCIENCE: Bank = [
  ["What is the chemical formula for water?", "H2O|CO2|O2|NaCl", "H2O"],
  [
    "Which gas do plants take in for photosynthesis?",
    "Oxygen|Nitrogen|Carbon dioxide|Hydrogen",
    "Carbon dioxide",
  ],
  [
    "Which part of a cell releases energy from food?",
    "Nucleus|Ribosome|Mitochondria|Cell wall",
    "Mitochondria",
  ],
  ["How many bones are in the adult human body?", "186|206|226|246", "206"],
  ["Which element has the atomic number 1?", "Helium|Hydrogen|Oxygen|Carbon", "Hydrogen"],
  [
    "Which force keeps the planets in orbit around the Sun?",
    "Magnetism|Friction|Gravity|Electricity",
    "Gravity",
  ],
  ["What is the hardest natural substance?", "Gold|Iron|Diamond|Quartz", "Diamond"],
  ["Which part of a plant makes most of its food?", "Roots|Stem|Leaves|Flowers", "Leaves"],
  ["At what temperature does water boil at sea level, in Celsius?", "90 °C|100 °C|110 °C|120 °C", "100 °C"],
  ["What is the centre of an atom called?", "Electron|Nucleus|Proton shell|Orbit", "Nucleus"],
]

/** The topics a prompt may name, with the words that name them, the quiz's title and its questions. */
export const TOPICS: readonly { words: string[]; title: string; bank: Bank }[] = [
  {
    words: ["space", "astronomy", "planets", "solar system", "universe", "stars"],
    title: "Space quiz",
    bank: SPACE,
  },
  {
    words: ["geography", "capitals", "capital cities", "countries", "world map", "rivers"],
    title: "Geography quiz",
    bank: GEOGRAPHY,
  },
  {
    words: [
      "javascript",
      "js",
      "programming",
      "coding",
      "web development",
      "web dev",
      "frontend",
      "html",
      "css",
      "developer",
    ],
    title: "Web development quiz",
    bank: WEB,
  },
  { words: ["history", "historical", "world war", "ancient"], title: "History quiz", bank: HISTORY },
  { words: ["science", "biology", "chemistry", "physics"], title: "Science quiz", bank: SCIENCE },
]
