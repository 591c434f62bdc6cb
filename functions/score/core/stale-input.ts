import { FAILURE_WORDS, type Signal } from './types.js';

/*
 * A service that says the data it serves is old ("ETA 389s old, using last known", "search
 * result stale: newest doc 14m old") is reporting that what it reads stopped arriving
 * fresh: whoever produces or carries that data fell behind. It kept serving, from the
 * last it had; its warning is a symptom of the producer's delay, not a failure of its own.
 */

/** An age given to what a line is about (`389s old`, `14m old`, `<*> minutes old`), or a fallback to the last data the service had. */
const SERVED_STALE = /(?:\b\d+(?:\.\d+)?|<\*>)\s?(?:ms|s|m|h|secs?|seconds?|mins?|minutes?|hours?)\s+old\b|\busing (?:the )?(?:last[- ]known|previous|cached|stale)\b|\bserving (?:cached|stale)\b/i;

/** Whether a signal is a service's own line saying the data it serves is old (`SERVED_STALE`). */
const servedStale = (s: Signal) => FAILURE_WORDS.includes(s.family) && s.local && SERVED_STALE.test(s.raw ?? s.text);

/** The signals with every line saying the service served old data (`servedStale`) read as a symptom of its producer's delay, not as evidence of its own fault. */
export const staleAsSymptom = (signals: readonly Signal[]): Signal[] => signals.map((s) => (servedStale(s) ? { ...s, local: false } : s));
