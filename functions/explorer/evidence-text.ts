import type { IdentifiedEvidence } from '../contracts/index.js';

/** One line that says what an evidence item is, for lists, headings and chart titles. */
export function describeEvidence(item: IdentifiedEvidence): string {
  switch (item.class) {
    case 'metrics':
      return `${item.service} ${item.name}${item.unit ? ` (${item.unit})` : ''}`;
    case 'logs':
      return `${item.service} ${item.level} log ×${item.count}: ${item.template}`;
    case 'traces':
      return item.kind === 'exemplar' ? `${item.error ? 'error' : 'slow'} trace ${item.traceId} from ${item.rootService} ${item.rootName} (${Math.round(item.durationMs)} ms)` : `${item.service} span statistics`;
    case 'changes':
      return `${item.kind.replace(/_/g, ' ')} of ${item.service}: ${item.summary}`;
    case 'runtime':
      return `${item.service} ${item.kind.replace(/_/g, ' ')}${item.count > 1 ? ` ×${item.count}` : ''}${item.message ? `: ${item.message}` : ''}`;
    case 'exceptions':
      return `${item.service} threw ${item.type} ×${item.count}: ${item.message}`;
    case 'alerts':
      return `${item.service} alert ${item.name} (${item.status})`;
  }
}

/** The service an item is about (a trace exemplar's is the service it entered through). */
export function evidenceService(item: IdentifiedEvidence): string {
  return item.class === 'traces' && item.kind === 'exemplar' ? item.rootService : item.service;
}
