import type { CatalogEntry } from '../../contracts/tenant.js';
import type { IncidentSignal, SignalSource } from '../../contracts/signal.js';
import type { WebhookCredentials } from './credentials.js';

/** A webhook exactly as it arrived; signatures are computed over `rawBody`, so nothing may re-serialize it first. */
export interface InboundRequest {
  /** Header names lower-cased. */
  headers: Record<string, string>;
  rawBody: string;
  receivedAt: Date;
}

/** What a normalizer may know beyond the payload: who the tenant is and where its services live. */
export interface NormalizeContext {
  tenantId: string;
  receivedAt: Date;
  catalog: Record<string, CatalogEntry>;
}

/** Side effects a verifier needs, injected so tests run offline and with a fixed clock. */
export interface VerifyDeps {
  /** Returns the PEM at an already-vetted URL. Throw TransientError when a retry could help; any other error rejects the message. */
  fetchCertificate: (url: string) => Promise<string>;
  now: () => Date;
}

/**
 * A protocol message the pipeline must answer rather than investigate.
 * `sns-subscription-confirmation`: GET `subscribeUrl` once (it is checked to be an SNS host).
 * `sns-unsubscribe-confirmation`: acknowledge and do nothing; visiting its URL would subscribe again.
 */
export type Handshake =
  | { kind: 'sns-subscription-confirmation'; subscribeUrl: string; topicArn: string }
  | { kind: 'sns-unsubscribe-confirmation'; topicArn: string };

/**
 * How a sender reaches ingest. `http`: the public route `POST /v1/tenants/{t}/signals/{source}`,
 * where the adapter's `verify` is the only authentication. `eventbridge`: an EventBridge rule in
 * the stack invokes the Lambda under IAM, so the wire carries no credential and the public
 * route must never accept that source.
 */
export type Door = 'http' | 'eventbridge';

/** One alert source: how its sender proves who it is, and how its payload becomes signals. */
export interface SourceAdapter {
  source: SignalSource;
  /** The only door this source is accepted through. */
  door: Door;
  /**
   * Throws UnauthorizedError on a missing or wrong credential, a bad or expired signature, or a
   * replay; a source with no credentials configured is always rejected. Comparisons are constant-time.
   */
  verify(request: InboundRequest, credentials: WebhookCredentials, deps: VerifyDeps): Promise<void>;
  /**
   * One IncidentSignal per alert (batches yield several; events that change no alert state yield none).
   * Throws only PayloadValidationError naming the field, whatever the input.
   */
  normalize(body: unknown, ctx: NormalizeContext): IncidentSignal[];
  /** Recognizes a handshake payload; undefined means the body is an ordinary notification. */
  handshake?(body: unknown): Handshake | undefined;
}
