import { describe, expect, it } from 'vitest';
import { eventSignals } from '../../../functions/score/core/events.js';
import { mergeGraph, profileServices } from '../../../functions/score/core/propagation.js';
import type { Evidence, Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-07-19T05:00:00Z');
const min = 60_000;
const frame = { alertAtMs: at, stepMs: 30_000 };
const runtime = (minutesBefore: number, kind: string, message?: string) => ({ id: `RUNTIME_${minutesBefore}`, class: 'runtime', at: new Date(at - minutesBefore * min).toISOString(), service: 'worker', kind, count: 6, ...(message ? { message } : {}) }) as unknown as Evidence;

describe('a machine whose own kernel crashed', () => {
  it('reads hosts rebooting, a kernel panic, a bug check or a boot loop as the host lost, whatever kind reported it', () => {
    for (const message of ['4 hosts rebooting repeatedly (BSOD on boot, csagent.sys)', 'Kernel panic - not syncing: Fatal exception in interrupt', 'node stuck in a boot loop after patching', 'BugCheck 0x50 PAGE_FAULT_IN_NONPAGED_AREA']) {
      expect(eventSignals([runtime(10, 'crash_loop', message)], frame)[0]!.family).toBe('runtime_node');
    }
  });

  it("keeps a process's own crash loop the process's", () => {
    expect(eventSignals([runtime(10, 'crash_loop', 'Back-off restarting failed container (exit 134, SIGABRT)')], frame)[0]!.family).toBe('runtime_crash');
  });
});

describe('when trouble the runtime keeps reporting began', () => {
  it('dates a service by the first report of a crash loop, not by the reports that followed it', () => {
    const reports = [54, 47, 40, 33, 26, 19].map((m) => runtime(m, 'crash_loop', 'process exited 1; restarting'));
    const vanished: Signal = { service: 'worker', family: 'log_vanished', strength: 0.5, onsetMs: at - 28 * min, evidenceId: 'LOG_1', local: true, text: 'worker stopped logging "claim adjudicated"' };
    const profile = profileServices([...eventSignals(reports, frame), vanished], mergeGraph({}), frame).get('worker')!;
    expect(profile.onsetMs).toBe(at - 54 * min);
  });
});
