import type { EvidencePlan } from '../../contracts/index.js';
import type { ChangelogOptions } from './options.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** One Query: a day partition and the sort-key range inside it. */
export interface DayRange {
  day: string;
  fromSk: string;
  toSk: string;
}

/**
 * The range read: the window, extended back by the release lookback; `configFromMs` is where
 * the shorter config and capacity lookback starts (never before the range).
 */
export function readRange(plan: EvidencePlan, options: ChangelogOptions): { fromMs: number; toMs: number; configFromMs: number } {
  const windowFromMs = Date.parse(plan.window.from);
  const fromMs = windowFromMs - options.releaseLookbackHours * HOUR;
  return { fromMs, toMs: Date.parse(plan.window.to), configFromMs: Math.max(fromMs, windowFromMs - options.configLookbackHours * HOUR) };
}

/**
 * The UTC day partitions a range touches, each with its sort-key bounds. Sort keys are
 * `{ISO time}#{id}`, so a range of times is a BETWEEN on strings; `#\uffff` closes the upper end.
 */
export function dayRanges(fromMs: number, toMs: number): DayRange[] {
  const ranges: DayRange[] = [];
  for (let dayStart = Math.floor(fromMs / DAY) * DAY; dayStart <= toMs; dayStart += DAY) {
    const lo = Math.max(fromMs, dayStart);
    const hi = Math.min(toMs, dayStart + DAY - 1);
    ranges.push({ day: new Date(dayStart).toISOString().slice(0, 10), fromSk: new Date(lo).toISOString(), toSk: `${new Date(hi).toISOString()}#\uffff` });
  }
  return ranges;
}
