/** Offsets such as "-1h30m", "+30s" to seconds and back; every time in a spec is an offset from the alert. */
export function seconds(offset: string): number {
  const match = /^([+-])(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(offset);
  if (!match || offset.length < 3) throw new Error(`bad offset ${offset}`);
  const total = Number(match[2] ?? 0) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -total : total;
}

export function offset(secs: number): string {
  const sign = secs < 0 ? '-' : '+';
  let rest = Math.abs(Math.round(secs));
  if (rest === 0) return '-0s';
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return `${sign}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

export function isoAt(atIso: string, secs: number): string {
  return new Date(Date.parse(atIso) + secs * 1000).toISOString();
}

/** CloudWatch writes `2026-03-04T05:06:07.123+0000`. */
export function awsTime(atIso: string, secs: number): string {
  return isoAt(atIso, secs).replace('Z', '+0000');
}
