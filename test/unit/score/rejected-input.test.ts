import { describe, expect, it } from 'vitest';
import type { ServiceProfile } from '../../../functions/score/core/propagation.js';
import { rejectsInput } from '../../../functions/score/core/rejected-input.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-05-04T11:17:00Z');
const said = (raw: string, hint?: Signal['hint']): ServiceProfile => ({ service: 'lab-results', signals: [{ service: 'lab-results', family: 'log_error', strength: 0.9, onsetMs: at, evidenceId: 'LOG_1', local: true, text: raw, raw, ...(hint ? { hint } : {}) }], local: 1, symptom: 0, pinned: 0, onsetMs: at, onsetStepMs: 0, rootness: 1 });

describe('a service rejecting what it was sent', () => {
  it('reads rejected messages, required fields missing and input that would not deserialize', () => {
    expect(rejectsInput(said('rejecting ORU^R01 message: OBX-5 value empty for numeric result'))).toBe(true);
    expect(rejectsInput(said("SerializationException: error deserializing Avro message at offset 88: missing required field 'dock_window'"))).toBe(true);
    expect(rejectsInput(said('failed to parse order payload: unexpected token } at 112'))).toBe(true);
  });

  it('leaves refusals for a limit or the platform, and failures of its own, to their readings', () => {
    expect(rejectsInput(said('rejected request: rate limit exceeded', 'resource_exhaustion'))).toBe(false);
    expect(rejectsInput(said('connect to clinical-db timed out'))).toBe(false);
    expect(rejectsInput(said('NullPointerException in ResultWriter.save'))).toBe(false);
  });
});
