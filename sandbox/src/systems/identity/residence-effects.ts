import type { SandboxClock } from '../../core/clock';
import type { SandboxEvents } from '../../core/events';
import { toCompactDate } from '../../legacy/dates';
import type { LicenceStore } from './licences';
import type { ResidenceBook } from './residence-book';
import { applyResidenceCase } from './residence-cases';
import { residenceItemKind } from './residence-items';

/**
 * What the population system does once the approval system grants a 居住证
 * or 居住登记 case: the permit, the 签注, the registration, on the day of the
 * decision. 07 (delivered) follows 05 for the same case, so each case acts
 * once; reset forgets which did.
 */
export function applyResidenceDecisions(deps: {
  events: SandboxEvents;
  clock: SandboxClock;
  book: ResidenceBook;
  licences: LicenceStore;
}): { stop: () => void; reset: () => void } {
  const done = new Set<string>();
  const stop = deps.events.on('caseDecided', (event) => {
    if (event.status === '06' || done.has(event.bjbh)) return;
    const kind = residenceItemKind(event.sxbm);
    if (!kind) return;
    done.add(event.bjbh);
    applyResidenceCase(deps.book, deps.licences, kind, event.subject, event.formData, toCompactDate(deps.clock.now()));
  });
  return { stop, reset: () => done.clear() };
}
