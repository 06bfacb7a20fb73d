const useColour = process.stdout.isTTY && !process.env.NO_COLOR

const wrap = (open: number, close: number) => (text: string) =>
  useColour ? `\u001b[${open}m${text}\u001b[${close}m` : text

/** ANSI colours when stdout is a terminal (and NO_COLOR is unset); plain text otherwise. */
export const paint = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
}
