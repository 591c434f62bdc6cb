/** How output is dressed: plain text, or ANSI colour for a person at a terminal. */
export interface Style {
  bold(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
}

const same = (text: string) => text;
export const PLAIN: Style = { bold: same, good: same, bad: same, warn: same, dim: same };
const sgr = (on: number, off: number) => (text: string) => `\x1b[${on}m${text}\x1b[${off}m`;
/** The decision to colour is made here, once, so the codes are written directly rather than through a helper that decides again. */
const COLOUR: Style = { bold: sgr(1, 22), good: sgr(32, 39), bad: sgr(31, 39), warn: sgr(33, 39), dim: sgr(2, 22) };

/**
 * Colour only for a terminal, and never when `NO_COLOR` is set to anything but the empty
 * string (no-color.org): piped output, files and CI logs stay plain text.
 */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  const noColour = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return stream.isTTY === true && !noColour ? COLOUR : PLAIN;
}
