/*
 * SNS only ever points at its own regional endpoints. Anything else in a certificate or
 * subscribe URL is rejected before a single byte is fetched, so a forged message can neither
 * supply its own certificate nor make us call an arbitrary host.
 */

const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

function snsUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const clean = url.protocol === 'https:' && SNS_HOST.test(url.hostname) && !url.port && !url.username && !url.password;
  return clean ? url : undefined;
}

/** `https://sns.<region>.amazonaws.com[.cn]/….pem`, nothing else. */
export function isSigningCertUrl(value: string | undefined): boolean {
  return snsUrl(value)?.pathname.endsWith('.pem') ?? false;
}

/** A ConfirmSubscription link on an SNS host. */
export function isSubscribeUrl(value: string | undefined): boolean {
  return snsUrl(value)?.searchParams.get('Action') === 'ConfirmSubscription';
}
