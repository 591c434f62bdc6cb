/*
 * The regular time grid every summary is laid on, so a metric's onset, a log pattern's
 * surge and a trace's slowdown can be compared step by step.
 */

export interface TimeGrid {
  startMs: number;
  stepMs: number;
  /** Number of steps; index `i` covers [startMs + i·stepMs, startMs + (i+1)·stepMs). */
  length: number;
}

const MIN_STEP_MS = 30_000;
/** About this many steps per window: fine enough to order onsets, small enough for the byte budgets. */
const TARGET_STEPS = 240;

/** The grid for a query window: steps of at least 30 s, aligned to whole steps so every provider shares it. */
export function gridForWindow(window: { from: string; to: string }): TimeGrid {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const stepMs = Math.max(MIN_STEP_MS, Math.ceil((to - from) / TARGET_STEPS / MIN_STEP_MS) * MIN_STEP_MS);
  const startMs = Math.floor(from / stepMs) * stepMs;
  return { startMs, stepMs, length: Math.max(1, Math.ceil((to - startMs) / stepMs)) };
}

/** The step index of a time, or -1 outside the grid. */
export function stepIndex(grid: TimeGrid, atMs: number): number {
  const i = Math.floor((atMs - grid.startMs) / grid.stepMs);
  return i >= 0 && i < grid.length ? i : -1;
}

/** A coarser grid on the same alignment, for sources that sample less often than the grid step. */
export function coarsen(grid: TimeGrid, stepMs: number): TimeGrid {
  if (stepMs <= grid.stepMs) return grid;
  const factor = Math.ceil(stepMs / grid.stepMs);
  const step = grid.stepMs * factor;
  return { startMs: grid.startMs, stepMs: step, length: Math.ceil((grid.length * grid.stepMs) / step) };
}

/** The sub-grid spanning steps [from, to] of `grid`, still aligned to it. */
export function subGrid(grid: TimeGrid, from: number, to: number): TimeGrid {
  return { startMs: grid.startMs + from * grid.stepMs, stepMs: grid.stepMs, length: to - from + 1 };
}
