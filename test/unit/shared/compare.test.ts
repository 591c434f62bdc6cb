import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeEqual } from '../../../functions/shared/compare.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('safeEqual', () => {
  it('says equal only for the same string, whatever the lengths, without throwing', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('é', 'e\u0301')).toBe(false);
  });

  it('is the only place in functions/ that calls timingSafeEqual, so every secret comparison is this one', () => {
    const callers = sources('functions').filter((path) => readFileSync(path, 'utf8').includes('timingSafeEqual'));
    expect(callers).toEqual([join('functions', 'shared', 'compare.ts')]);
  });
});
