/** Seconds relative to the alert as a scenario offset: -3725 → "-1h2m5s". */
export function off(seconds: number): string {
  const s = Math.round(seconds);
  const sign = s < 0 ? '-' : '+';
  let rest = Math.abs(s);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const sec = rest - m * 60;
  const body = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${sec || (!h && !m) ? `${sec}s` : ''}`;
  return `${sign}${body}`;
}

/** "-1h30m" → -5400. */
export function sec(offset: string): number {
  const m = /^([+-])((?:\d+h)?(?:\d+m)?(?:\d+s)?)$/.exec(offset);
  if (!m) throw new Error(`bad offset ${offset}`);
  let total = 0;
  for (const [, n, unit] of m[2]!.matchAll(/(\d+)([hms])/g)) total += Number(n) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
  return m[1] === '-' ? -total : total;
}

export function iso(atMs: number, seconds: number): string {
  return new Date(atMs + seconds * 1000).toISOString().replace('.000Z', 'Z');
}
