import { describe, expect, it, vi } from 'vitest';
import { createdOnFirstUse, onFirstCall } from '../../../functions/shared/lazy.js';

describe('onFirstCall', () => {
  it('makes nothing until called, then shares one result among concurrent and later calls', async () => {
    const make = vi.fn(async () => ({ client: 'sfn' }));
    const load = onFirstCall(make);
    expect(make).not.toHaveBeenCalled();

    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();

    expect(make).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('forgets a failed attempt, so the next call tries again', async () => {
    const make = vi.fn().mockRejectedValueOnce(new Error('import failed')).mockResolvedValueOnce('loaded');
    const load = onFirstCall(make as () => Promise<string>);

    await expect(load()).rejects.toThrow('import failed');
    await expect(load()).resolves.toBe('loaded');
    expect(make).toHaveBeenCalledTimes(2);
  });
});

class Counter {
  count = 0;
  add(n: number): number {
    this.count += n;
    return this.count;
  }
}

describe('createdOnFirstUse', () => {
  it('creates the instance on first use only, once', () => {
    const create = vi.fn(() => new Counter());
    const counter = createdOnFirstUse(create);
    expect(create).not.toHaveBeenCalled();

    counter.add(2);
    counter.add(3);

    expect(create).toHaveBeenCalledTimes(1);
    expect(counter.count).toBe(5);
  });

  it('binds methods to the real instance, so a method taken off the stand-in still works', () => {
    const counter = createdOnFirstUse(() => new Counter());
    const add = counter.add;
    expect(add(4)).toBe(4);
    expect('add' in counter).toBe(true);
  });

  it('sees a method replaced on the class prototype after it was made (how aws-sdk-client-mock mocks a client class)', () => {
    const counter = createdOnFirstUse(() => new Counter());
    const spy = vi.spyOn(Counter.prototype, 'add').mockReturnValue(42);
    try {
      expect(counter.add(1)).toBe(42);
      expect(spy).toHaveBeenCalledWith(1);
    } finally {
      spy.mockRestore();
    }
  });
});
