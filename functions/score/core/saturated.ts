/**
 * Words a service writes when its own capacity to serve is all taken and work waits for
 * it, the saturation of the USE method in the service's own words:
 * - every worker, thread, slot or executor busy or in use (`all 32 workers busy`,
 *   `Puma: all 16 threads busy`, `every executor in use`): nothing is free to take the
 *   next request;
 * - a worker, thread or executor pool saturated, exhausted or full, its queue, or the work
 *   it rejected: the pool is the service's capacity, and it is spent;
 * - work that waited in its queue (`waited 41s in queue`, `queue wait 900ms`), or requests,
 *   jobs or calls queued: they came faster than its workers took them;
 * - its intake queue full or deep: the queue in front of its own workers (a request,
 *   worker, executor, accept or I/O queue: `request queue full (980/1000), rejecting`,
 *   `accept queue full`, `request queue depth 512`), which fills only when they cannot keep up.
 * The code is doing its usual work, there is just more of it than workers, so these name a
 * shortage of capacity, never a defect (`logHint` reads them as resource exhaustion), and
 * the service strained as surely as a CPU at its limit says so: demand that rose with them
 * is a surge (`kindSupport` reads strain from any of its own signals naming a shortage). A thread in a busy loop (a spin, a busy wait) is
 * code that never yields, not a full pool. A queue the service feeds or drains for others
 * (a producer's queue full, a fan-out or resize queue's depth, a consumer's lag) fills
 * when whatever is on its other side slows, so it says nothing of the service's own
 * capacity and is not read here.
 */
export const SATURATED = new RegExp(
  [
    String.raw`\b(?:all|every) (?:<\*> |\d+ )?(?:workers?|threads?|slots?|executors?)\b[^.;\n]{0,20}\b(?:busy|in use)\b(?![ -]?(?:loop|wait|spin))`,
    String.raw`\b(?:workers?|threads?|slots?) (?:are |were )?(?:all )?busy\b(?![ -]?(?:loop|wait|spin))`,
    String.raw`\b(?:worker|thread|executor)s? ?pool\b[^.;\n]{0,20}\b(?:is |was )?(?:saturated|exhausted|full)\b`,
    String.raw`\b(?:worker|thread|executor)s? ?pool (?:queue|rejected)\b`,
    String.raw`\bwaited\b[^.;\n]{0,30}\bin (?:the )?queue\b|\bqueue wait\b`,
    String.raw`\b(?:requests?|submissions?|jobs?|tasks?|calls?) (?:were |are |is |was |got )?queued\b`,
    String.raw`\b(?:request|worker|executor|accept|io|i\/o) queue (?:is )?(?:full|depth)\b`,
  ].join('|'),
  'i',
);

