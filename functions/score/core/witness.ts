import type { Suspect, TraceExemplar } from '../../contracts/index.js';

type Exemplar = TraceExemplar & { id: string };

/**
 * The kept trace that shows a failure beginning at `service`: one where a failing span of
 * that service has no failing span below it, so the error was raised there, not relayed
 * from further down. It is the trace an on-call engineer opens first to see where the
 * requests broke. A trace that only passes through the service, or fails below it, does
 * not witness its failure; undefined when no kept trace does.
 */
export function failureBeganAt(exemplars: readonly Exemplar[], service: string): Exemplar | undefined {
  return exemplars.find((e) => {
    const failedBelow = new Set(e.spans.flatMap((s) => (s.status === 'error' && s.parentSpanId ? [s.parentSpanId] : [])));
    return e.spans.some((s) => s.service === service && s.status === 'error' && !failedBelow.has(s.spanId));
  });
}

/** A suspect citing, besides its signals, the kept trace whose failure began in its service (`failureBeganAt`), when there is one. */
export function withWitness<S extends Pick<Suspect, 'service' | 'evidenceIds'>>(suspect: S, exemplars: readonly Exemplar[]): S {
  const witness = failureBeganAt(exemplars, suspect.service);
  return witness && !suspect.evidenceIds.includes(witness.id) ? { ...suspect, evidenceIds: [...suspect.evidenceIds, witness.id] } : suspect;
}
