import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'node:https';
import { ConfigurationError } from './errors.js';
import type { HttpRequest, HttpResponse } from './http-client.js';

/*
 * HTTPS to a server whose certificate a private CA signed (a self-hosted Kubernetes API
 * server, typically): the request trusts that CA and nothing else, as kubectl does with a
 * kubeconfig's certificate-authority-data. Node's fetch takes no CA per request, hence
 * node:https here.
 */

/** One keep-alive agent per CA, so the requests of one investigation share connections; a few clusters per deployment at most. */
const agents = new Map<string, Agent>();
const MAX_AGENTS = 16;

function agentFor(ca: string): Agent {
  let agent = agents.get(ca);
  if (!agent) {
    if (agents.size >= MAX_AGENTS) {
      const [oldest] = agents.keys();
      agents.get(oldest!)?.destroy();
      agents.delete(oldest!);
    }
    agent = new Agent({ ca, keepAlive: true });
    agents.set(ca, agent);
  }
  return agent;
}

/**
 * A PEM CA bundle from a kubeconfig's `certificate-authority-data` (base64 of the PEM), or
 * the PEM itself; refused unless every certificate in it parses, so a mangled value fails
 * with a clear error instead of every request failing verification.
 */
export function caBundle(caData: string, where: string): string {
  const text = caData.includes('-----BEGIN CERTIFICATE-----') ? caData : Buffer.from(caData, 'base64').toString('utf8');
  const certificates = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (certificates.length === 0) throw new ConfigurationError(`${where}: caData is neither a PEM certificate nor the base64 of one (a kubeconfig's certificate-authority-data)`);
  for (const pem of certificates) {
    try {
      new X509Certificate(pem);
    } catch {
      throw new ConfigurationError(`${where}: caData holds a certificate that does not parse`);
    }
  }
  return certificates.join('\n');
}

/** Sends the request over HTTPS trusting only `ca`; an `http:` URL is refused, since the CA would then verify nothing. */
export function requestTrustingCa(outgoing: HttpRequest, ca: string, signal: AbortSignal): Promise<HttpResponse> {
  const url = new URL(outgoing.url);
  if (url.protocol !== 'https:') return Promise.reject(new ConfigurationError(`${url.origin}: a CA is set for this backend, so its endpoint must be https://`));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: outgoing.method, headers: outgoing.headers, agent: agentFor(ca), signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(outgoing.body);
  });
}
