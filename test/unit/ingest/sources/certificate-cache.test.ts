import { describe, expect, it, vi } from 'vitest';
import { cachedCertificates } from '../../../../functions/ingest/sources/cloudwatch-sns/certificate-cache.js';

const URL_A = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-a.pem';
const URL_B = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-b.pem';
const URL_C = 'https://sns.ap-south-1.amazonaws.com/SimpleNotificationService-c.pem';

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let clock = 0;
  const fetch = vi.fn(async (url: string) => `PEM of ${url}`);
  const certificate = cachedCertificates({ fetch, now: () => clock, ...options });
  return { fetch, certificate, advance: (ms: number) => (clock += ms) };
}

describe('SNS signing certificate cache', () => {
  it('fetches a certificate once per URL while it is fresh', async () => {
    const { fetch, certificate } = setup();
    expect(await certificate(URL_A)).toBe(`PEM of ${URL_A}`);
    expect(await certificate(URL_A)).toBe(`PEM of ${URL_A}`);
    expect(await certificate(URL_B)).toBe(`PEM of ${URL_B}`);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([URL_A, URL_B]);
  });

  it('shares one fetch among messages that arrive together', async () => {
    const { fetch, certificate } = setup();
    await Promise.all([certificate(URL_A), certificate(URL_A), certificate(URL_A)]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fetches again once the entry is older than its time to live', async () => {
    const { fetch, certificate, advance } = setup({ ttlMs: 1000 });
    await certificate(URL_A);
    advance(999);
    await certificate(URL_A);
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(1);
    await certificate(URL_A);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps at most maxEntries URLs, dropping the oldest', async () => {
    const { fetch, certificate } = setup({ maxEntries: 2 });
    await certificate(URL_A);
    await certificate(URL_B);
    await certificate(URL_C);
    await certificate(URL_B);
    await certificate(URL_C);
    expect(fetch).toHaveBeenCalledTimes(3);
    await certificate(URL_A);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('never keeps a failed fetch, so the next message tries again', async () => {
    const { fetch, certificate } = setup();
    fetch.mockRejectedValueOnce(new Error('certificate fetch answered 503'));
    await expect(certificate(URL_A)).rejects.toThrow('503');
    expect(await certificate(URL_A)).toBe(`PEM of ${URL_A}`);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
