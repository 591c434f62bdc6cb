import type { ServiceProfile } from './propagation.js';
import { CLEAR_STRENGTH, FAILURE_WORDS } from './types.js';

/*
 * A service that rejects what it was sent says where the fault is: in what reached it.
 * Parsers, validators and deserializers word it the same few ways whatever the domain:
 * a message rejected, a field missing or empty that is required, a value of the wrong
 * type, input that could not be parsed or decoded against its schema.
 */

/** Words of a service refusing the input it received as malformed (not a limit, not a peer it could not reach). */
const INPUT_REJECTED = /\breject(?:s|ed|ing)\b[^.;\n]{0,60}\b(?:message|payload|record|event|request|input|document|field|value|segment)s?\b|\bmissing (?:required|mandatory) (?:field|property|attribute|segment|value)|\brequired (?:field|property|value)\b[^.;\n]{0,30}\b(?:missing|empty|null)\b|\bvalue (?:is )?empty for\b|\b(?:could not|cannot|failed to|unable to) (?:parse|decode|deserializ\w*)\b|\berror deserializ\w*|\b(?:parse|decode|deserialization) (?:error|failure|failed)\b|\bschema (?:validation|mismatch)|\bunexpected (?:token|field|type|format|end of input)\b|SerializationException|JsonParseException|MismatchedInputException|InvalidFormatException/i;

/**
 * Whether a service's own new failures say it rejected the input it was sent as
 * malformed (`INPUT_REJECTED`), in lines that name no limit and no platform failure: the
 * service checking what reached it did its job, and whatever changed what it is sent
 * (a parser turned on upstream, a schema a producer switched) is where the fault is.
 */
export function rejectsInput(p: ServiceProfile): boolean {
  return p.signals.some((s) => FAILURE_WORDS.includes(s.family) && s.local && s.service === p.service && s.strength >= CLEAR_STRENGTH && (s.hint === undefined || s.hint === 'code_defect') && INPUT_REJECTED.test(s.raw ?? s.text));
}
