import { type Html, html } from './html.js';

/** A regular series as evidence stores it: `values[i]` at `startMs + i * stepMs`. */
export interface ChartSeries {
  startMs: number;
  stepMs: number;
  values: readonly (number | null)[];
  unit?: string;
}

/** A vertical line on the chart: the onset, or a change (deploy, flag, config) with its evidence id. */
export interface ChartMarker {
  atMs: number;
  /** Short, drawn beside the line: `onset`, `CHANGE_2`. */
  label: string;
  /** Said in the caption: `CHANGE_2 pricing v3.12.0`. */
  detail?: string;
  kind: 'onset' | 'change';
}

const WIDTH = 640;
const HEIGHT = 190;
const PAD = { left: 78, right: 16, top: 42, bottom: 26 };

export function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16) + 'Z';
}

function formatValue(value: number, unit: string | undefined): string {
  const abs = Math.abs(value);
  const text = value === 0 ? '0' : abs >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : abs >= 1e4 ? `${(value / 1e3).toFixed(1)}k` : abs >= 100 ? value.toFixed(0) : abs >= 1 ? value.toFixed(2).replace(/\.?0+$/, '') : value.toPrecision(2);
  return unit ? `${text} ${unit}` : text;
}

/**
 * A small line chart drawn as inline SVG: the series cropped to `window`, the onset and
 * changes as labelled vertical lines, and a text description of the same facts for
 * screen readers and for readers without SVG.
 */
export function lineChart(id: string, title: string, series: ChartSeries, markers: readonly ChartMarker[], window?: { fromMs: number; toMs: number }): Html {
  const points = series.values
    .map((value, i) => ({ at: series.startMs + i * series.stepMs, value }))
    .filter((p) => !window || (p.at >= window.fromMs && p.at <= window.toMs));
  const present = points.filter((p): p is { at: number; value: number } => p.value !== null && Number.isFinite(p.value));
  if (present.length === 0) return html`<p class="muted">${title}: no samples in this window.</p>`;
  const fromMs = window?.fromMs ?? points[0]!.at;
  const toMs = Math.max(window?.toMs ?? points[points.length - 1]!.at, fromMs + 1);
  const values = present.map((p) => p.value);
  const low = Math.min(0, ...values);
  const high = Math.max(...values) === low ? low + 1 : Math.max(...values);
  const x = (at: number) => PAD.left + ((at - fromMs) / (toMs - fromMs)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - ((v - low) / (high - low)) * (HEIGHT - PAD.top - PAD.bottom);
  const runs: string[] = [];
  let run: string[] = [];
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`);
  }
  if (run.length) runs.push(run.join(' '));
  const visible = markers.filter((m) => m.atMs >= fromMs && m.atMs <= toMs);
  const ticks = [0, 1, 2, 3].map((i) => fromMs + (i * (toMs - fromMs)) / 3);
  const peak = present.reduce((a, b) => (b.value > a.value ? b : a));
  const description = `${title}: from ${formatValue(present[0]!.value, series.unit)} at ${clock(present[0]!.at)} to ${formatValue(present[present.length - 1]!.value, series.unit)} at ${clock(present[present.length - 1]!.at)}; peak ${formatValue(peak.value, series.unit)} at ${clock(peak.at)}.${visible.map((m) => ` ${m.detail ?? m.label} at ${clock(m.atMs)}.`).join('')}`;
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="xMinYMin meet">
<title id="${id}-t">${title}</title><desc id="${id}-d">${description}</desc>
<line class="axis" x1="${PAD.left}" y1="${HEIGHT - PAD.bottom}" x2="${WIDTH - PAD.right}" y2="${HEIGHT - PAD.bottom}"/>
<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${HEIGHT - PAD.bottom}"/>
<text class="tick" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${formatValue(high, series.unit)}</text>
<text class="tick" x="${PAD.left - 6}" y="${HEIGHT - PAD.bottom}" text-anchor="end">${formatValue(low, series.unit)}</text>
${ticks.map((t, i) => html`<text class="tick" x="${x(t).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="${i === ticks.length - 1 ? 'end' : 'middle'}">${clock(t)}</text>`)}
${visible.map((m, i) => html`<line class="marker ${m.kind}" x1="${x(m.atMs).toFixed(1)}" y1="${11 + (i % 3) * 11}" x2="${x(m.atMs).toFixed(1)}" y2="${HEIGHT - PAD.bottom}"/><text class="marker-label ${m.kind}" x="${(x(m.atMs) + 3).toFixed(1)}" y="${10 + (i % 3) * 11}">${m.label}</text>`)}
${runs.map((r) => (r.includes(' ') ? html`<polyline class="series" points="${r}"/>` : html`<circle class="series-dot" r="2" cx="${r.split(',')[0]}" cy="${r.split(',')[1]}"/>`))}
</svg>
<figcaption>${title}${visible.length ? html`<br><span class="small">${visible.map((m, i) => html`${i ? ' · ' : ''}${m.detail ?? m.label} ${clock(m.atMs)}`)}</span>` : ''}</figcaption>
</figure>`;
}
