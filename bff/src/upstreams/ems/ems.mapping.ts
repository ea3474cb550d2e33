import type { ParcelEventKind } from '@suijing/shared';
import type { Trace } from './ems.dialect';
import type { ParcelStep } from './ems.types';

/** What each opCode means for the citizen: the kind of step and how we say it. */
const STEP_OF: Record<string, { kind: ParcelEventKind; text: string }> = {
  '203': { kind: 'posted', text: '已收寄' },
  '305': { kind: 'sorting', text: '到达处理中心' },
  '306': { kind: 'in-transit', text: '离开处理中心，发往下一站' },
  '702': { kind: 'at-delivery-office', text: '到达投递局' },
  '703': { kind: 'out-for-delivery', text: '正在派送' },
  '704': { kind: 'delivered', text: '已签收' },
};

/** opTime, yyyy-MM-dd HH:mm:ss in Beijing time. */
export function fromOpTime(opTime: string): Date {
  return new Date(`${opTime.replace(' ', 'T')}+08:00`);
}

/** One trace in our words; a step we do not know keeps EMS's own name for it. */
export function toParcelStep(trace: Trace): ParcelStep {
  const step = STEP_OF[trace.opCode] ?? { kind: 'other', text: trace.opName };
  const place = trace.opOrgName || `${trace.opOrgProvName ?? ''}${trace.opOrgCity ?? ''}`;
  return { time: fromOpTime(trace.opTime), place, text: step.text, kind: step.kind };
}

/** The item's way, oldest first (EMS does not promise an order). */
export function toParcelSteps(traces: readonly Trace[]): ParcelStep[] {
  return traces.map(toParcelStep).sort((a, b) => a.time.getTime() - b.time.getTime());
}
