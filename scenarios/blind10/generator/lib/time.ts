/** Seconds relative to the scenario's `at` from an offset such as "-1h30m" or "+30s". */
export function secondsOf(offset: string): number {
  const match = /^([+-])((?:\d+h)?(?:\d+m)?(?:\d+s)?)$/.exec(offset);
  if (!match || !match[2]) throw new Error(`not an offset: ${offset}`);
  let seconds = 0;
  for (const [, n, unit] of match[2].matchAll(/(\d+)([hms])/g)) seconds += Number(n) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
  return match[1] === '-' ? -seconds : seconds;
}

/** The offset string the scenario format reads for a number of seconds from `at`. */
export function offsetOf(seconds: number): string {
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

/** The absolute ISO time of an offset from `at`. */
export function isoAt(at: string, seconds: number): string {
  return new Date(Date.parse(at) + seconds * 1000).toISOString();
}

/** CloudWatch's own timestamp spelling: milliseconds and a colon-less offset. */
export function cloudWatchTime(iso: string): string {
  return iso.replace('Z', '+0000');
}
