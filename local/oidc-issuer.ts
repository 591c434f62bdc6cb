import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { listen } from './aws-endpoint.js';

/** A person the local provider signs in. */
export interface LocalUser {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

/** Ways the next ID token can be wrong, so tests can show each one is refused. */
export interface TokenTamper {
  /** Sign with a key the JWKS does not publish. */
  rogueKey?: boolean;
  audience?: string;
  issuer?: string;
  nonce?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
}

export interface LocalOidcIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorization signs in without a form (tests); undefined shows the form. */
  signInAs(user: LocalUser | undefined): void;
  /** Applies to the next ID token only. */
  tamperNextToken(tamper: TokenTamper): void;
  stop(): Promise<void>;
}

interface PendingCode {
  user: LocalUser;
  clientId: string;
  redirectUri: string;
  nonce: string;
  challenge: string;
  used: boolean;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function signInForm(query: URLSearchParams): string {
  const hidden = [...query.entries()].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local development identity provider</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}.warn{background:#fff8c5;border:1px solid #d4a72c;padding:.75rem}</style></head><body>
<h1>Local development identity provider</h1>
<p class="warn">This provider runs only on this machine, for <code>npm start</code>. It signs in whoever you type, so it proves nothing: it is never deployed, and a real tenant connects its own provider (Sign in with Slack, Okta, Google, Entra ID).</p>
<form method="post" action="/authorize">${hidden}<p><label>Sign in as (email) <input name="email" type="email" value="oncall@example.com" required></label></p><p><button type="submit">Sign in</button></p></form></body></html>`;
}

/**
 * An OpenID Connect provider on loopback: discovery document, JWKS, an authorization
 * endpoint (authorization code flow, PKCE S256 required) and a token endpoint that redeems
 * each code once, for its client, redirect URI and verifier only. The end-to-end tests sign
 * in through it over real HTTP, and `npm start` runs it as the demo tenant's provider. It is
 * local development only: nothing under `local/` is bundled into a Lambda or the CDK app.
 */
export async function startLocalOidcIssuer(options: { clientId?: string; clientSecret?: string; port?: number } = {}): Promise<LocalOidcIssuer> {
  const clientId = options.clientId ?? 'causeway-local';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const rogue = await generateKeyPair('RS256');
  const kid = `local-${randomBytes(4).toString('hex')}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  let autoUser: LocalUser | undefined;
  let tamper: TokenTamper = {};
  let issuer = '';

  const issueCode = (query: URLSearchParams, user: LocalUser): string | undefined => {
    const redirectUri = query.get('redirect_uri');
    if (query.get('client_id') !== clientId || !redirectUri || query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) return undefined;
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { user, clientId, redirectUri, nonce: query.get('nonce') ?? '', challenge: query.get('code_challenge')!, used: false });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (query.get('state')) target.searchParams.set('state', query.get('state')!);
    return target.toString();
  };

  const idToken = async (pending: PendingCode): Promise<string> => {
    const next = tamper;
    tamper = {};
    const now = Math.floor(Date.now() / 1000);
    const { user } = pending;
    const key: CryptoKey = next.rogueKey ? rogue.privateKey : privateKey;
    return new SignJWT({ nonce: next.nonce ?? pending.nonce, ...(user.email ? { email: user.email, email_verified: user.emailVerified ?? true } : {}), ...(user.name ? { name: user.name } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(next.issuer ?? issuer)
      .setSubject(user.sub)
      .setAudience(next.audience ?? pending.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + (next.expiresIn ?? 300))
      .sign(key);
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    void (async () => {
      if (request.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        });
      }
      if (request.method === 'GET' && url.pathname === '/jwks') return json(200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const query = request.method === 'POST' ? await readForm(request) : url.searchParams;
        const email = query.get('email');
        const user = request.method === 'POST' && email ? { sub: `local-${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`, email: email.toLowerCase(), emailVerified: true } : autoUser;
        if (!user) {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return response.end(signInForm(query));
        }
        const location = issueCode(query, user);
        if (!location) return json(400, { error: 'invalid_request' });
        response.writeHead(302, { location });
        return response.end();
      }
      if (request.method === 'POST' && url.pathname === '/token') {
        const form = await readForm(request);
        const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent) : [form.get('client_id'), form.get('client_secret')];
        if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
        const pending = codes.get(form.get('code') ?? '');
        if (!pending || pending.used || form.get('grant_type') !== 'authorization_code' || form.get('redirect_uri') !== pending.redirectUri) return json(400, { error: 'invalid_grant' });
        pending.used = true;
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return json(400, { error: 'invalid_grant' });
        return json(200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: await idToken(pending) });
      }
      json(404, { error: 'not_found' });
    })().catch((error: Error) => json(500, { error: 'server_error', error_description: error.message }));
  });
  issuer = await listen(server, options.port ?? 0);
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (user) => void (autoUser = user),
    tamperNextToken: (next) => void (tamper = next),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
