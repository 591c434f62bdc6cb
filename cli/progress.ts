import type { ScenarioScore } from './eval-score.js';
import { formatScoreRow, nameWidth } from './print.js';
import { PLAIN, type Style } from './style.js';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * How `eval` reports each scenario as it finishes, on stderr so that stdout keeps the whole
 * scorecard (or the one JSON document) alone. At a terminal: each row, then a progress line
 * under it rewritten in place and cleared at the end. Piped or in CI: one plain line per
 * scenario with its place in the run, no control characters.
 */
export function evalProgress(stream: ProgressStream, style: Style = PLAIN) {
  const tty = stream.isTTY === true;
  let width: number | undefined;
  const running = (index: number, names: string[]) => (names[index] === undefined ? '' : style.dim(`running ${index + 1}/${names.length}: ${names[index]}…`));
  return {
    start(names: string[]): void {
      if (tty) stream.write(running(0, names));
    },
    row(score: ScenarioScore, done: number, names: string[]): void {
      width ??= nameWidth(names);
      const row = formatScoreRow(score, width, tty ? style : PLAIN);
      if (!tty) {
        stream.write(`[${done}/${names.length}] ${row}\n`);
        return;
      }
      stream.write(`\r\x1b[2K${row}\n${running(done, names)}`);
    },
    end(): void {
      if (tty) stream.write('\r\x1b[2K');
    },
  };
}
