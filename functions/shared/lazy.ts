/*
 * Cold start: module load is the part of a Lambda's cold start our code decides, and most of
 * it is loading SDK packages. A client is therefore made on first use, and an SDK package
 * that some paths of a function never call is imported on first use, so those paths never
 * load it (bench/module-load.ts measures every bundle). Both are kept for the container's life.
 */

/**
 * `make()` run on the first call and its result shared by every later call, concurrent ones
 * included; a failed attempt is forgotten, so the next call tries again.
 */
export function onFirstCall<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    if (!made) {
      const attempt = make();
      made = attempt;
      attempt.catch(() => {
        if (made === attempt) made = undefined;
      });
    }
    return made;
  };
}

/**
 * An object that stands for `create()`'s and creates it on first use: for a client that
 * every path needs but that modules export as a value (`documentClient.send(…)`), so no
 * caller changes. Methods are bound to the real instance, so `this` inside them is the client.
 */
export function createdOnFirstUse<T extends object>(create: () => T): T {
  let instance: T | undefined;
  const real = () => (instance ??= create());
  return new Proxy({} as T, {
    get(_, property) {
      const target = real();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has: (_, property) => Reflect.has(real(), property),
    set: (_, property, value) => Reflect.set(real(), property, value),
  });
}
