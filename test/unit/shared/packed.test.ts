import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, decompress, pack, unpack } from '../../../functions/shared/packed.js';

const value = { service: 'pricing', values: Array.from({ length: 400 }, (_, i) => Math.round(Math.sin(i / 7) * 1e4) / 100) };

describe('packed values', () => {
  it('round-trips JSON, smaller than gzip made it', () => {
    const packed = pack(value);
    expect(unpack(packed)).toEqual(value);
    expect(packed.length).toBeLessThan(gzipSync(JSON.stringify(value)).length);
  });

  it('still reads values written gzip before', () => {
    expect(unpack(gzipSync(JSON.stringify(value)))).toEqual(value);
  });

  it('never starts a value as gzip does, whatever its size', () => {
    for (const text of ['', '{}', 'x', JSON.stringify(value), 'é'.repeat(70_000)]) {
      const stored = compress(Buffer.from(text));
      expect(stored[0]).not.toBe(0x1f);
      expect(decompress(stored).toString()).toBe(text);
    }
  });

  it('refuses what is not a binary attribute, or not compressed', () => {
    expect(() => unpack('text')).toThrow(/packed/);
    expect(() => unpack(Buffer.from('not compressed'))).toThrow();
  });
});
