import { describe, expect, it } from 'vitest';
import { brotliCompressSync } from 'node:zlib';
import { decodeNumberRuns, encodeNumberRuns, NUMBER_RUNS_MARK } from '../../../functions/shared/number-runs.js';

const series = (n: number, f: (i: number) => number | null) => Array.from({ length: n }, (_, i) => f(i));

describe('number runs', () => {
  it('gives back the very same JSON text: decimals, integers, negatives, exponents, nulls, and what is not a run', () => {
    const value = {
      items: [
        { name: 'rps', startMs: 1778592090000, stepMs: 60000, values: series(66, (i) => (i % 17 === 5 ? null : 400 + ((i * 37) % 90) + (i % 3) / 10)) },
        { name: 'ratio', values: series(40, (i) => 0.002256 + ((i * 7919) % 1000) / 1e7) },
        { name: 'mixed', values: [1e21, 1.5e-7, -3, 0, 7e-7, -0.25, 12345678901234567, 3.14159, 2, 1] },
        { name: 'short', values: [1, 2, 3] },
        { name: 'strings', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] },
        { name: 'nulls', values: series(10, () => null) },
        { name: 'bytes', values: series(20, (i) => 394300000 + ((i * 7919) % 97) * 100000) },
        { name: 'zeros', values: [0, 0, 10, 100, 0.5, 0, 1000000, -20, 0] },
      ],
      note: 'ünïcode ✓',
    };
    const json = JSON.stringify(value);
    const encoded = encodeNumberRuns(json)!;
    expect(encoded[0]).toBe(NUMBER_RUNS_MARK);
    expect(decodeNumberRuns(encoded).toString('utf8')).toBe(json);
  });

  it('compresses a metric series smaller than the plain text does', () => {
    const json = JSON.stringify({ values: series(2000, (i) => Math.round((400 + 40 * Math.sin(i / 9) + ((i * 7919) % 13)) * 10) / 10) });
    expect(brotliCompressSync(encodeNumberRuns(json)!).length).toBeLessThan(brotliCompressSync(json).length);
  });

  it('leaves text with no run, or with a NUL that could be read as its marker, to be stored as it is', () => {
    expect(encodeNumberRuns(JSON.stringify({ a: [1, 2, 3], b: 'x' }))).toBeUndefined();
    expect(encodeNumberRuns(JSON.stringify({ '\u0000n': 1, values: series(10, (i) => i) }))).toBeUndefined();
    expect(encodeNumberRuns(JSON.stringify({ values: [1e-300, 1e300, 1, 2, 3, 4, 5, 6] }))).toBeUndefined();
  });

  it('passes bytes that are not its encoding through untouched', () => {
    const plain = Buffer.from('{"a":1}');
    expect(decodeNumberRuns(plain)).toBe(plain);
  });
});
