/*
 * Deep links into the AWS console. The CloudWatch console keeps its state in the URL
 * fragment in JSURL notation (`~(key~'value)`), so a link opens the same graph, query or
 * trace the provider read, over the same time range.
 */

/** The console origin for a region, including the China and GovCloud partitions. */
export function consoleOrigin(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

/** The CloudWatch console home for a region; append a `#…` fragment. */
export function cloudwatchConsole(region: string): string {
  return `${consoleOrigin(region)}/cloudwatch/home?region=${region}`;
}

export type JsurlValue = string | number | boolean | null | JsurlValue[] | { [key: string]: JsurlValue };

function jsurlString(s: string): string {
  return s.replace(/[^\w.-]/g, (ch) => {
    if (ch === '$') return '!';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `*${code.toString(16).padStart(2, '0')}` : `**${code.toString(16).padStart(4, '0')}`;
  });
}

/** Encodes a value in JSURL, the notation the CloudWatch console reads from its URL fragment (spaces as `*20`, as the console writes them). */
export function jsurl(value: JsurlValue): string {
  if (value === null) return '~null';
  if (typeof value === 'number') return Number.isFinite(value) ? `~${String(value).replace(/\+/g, '')}` : '~null';
  if (typeof value === 'boolean') return `~${value}`;
  if (typeof value === 'string') return `~'${jsurlString(value)}`;
  if (Array.isArray(value)) return `~(${value.map(jsurl).join('')}${value.length === 0 ? '~' : ''})`;
  return `~(${Object.entries(value).map(([k, v]) => `${jsurlString(k)}${jsurl(v)}`).join('~')})`;
}
