import type { ApplicationDetail, CaseTracking } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { EmsPort } from '../../upstreams/ems/ems.types';

/**
 * The mailed result on its way: EMS's steps for the case's tracking number.
 * EMS out of reach leaves the case as it is, with the tracking marked
 * unavailable (its steps missing, not none).
 */
export async function trackingOf(ems: EmsPort, trackingNo: string): Promise<CaseTracking> {
  try {
    const steps = (await ems.track(trackingNo)) ?? [];
    return {
      carrier: 'EMS',
      trackingNo,
      available: true,
      delivered: steps.some((step) => step.kind === 'delivered'),
      events: steps.map(({ time, place, text, kind }) => ({ time: time.toISOString(), place, text, kind })),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE') {
      return { carrier: 'EMS', trackingNo, available: false, delivered: false, events: [] };
    }
    throw error;
  }
}

/** The case with its tracking, EMS's steps merged into the timeline by time (the approval step first on a tie). */
export function withTracking(view: ApplicationDetail, tracking: CaseTracking): ApplicationDetail {
  const parcelSteps = tracking.events.map((event) => ({
    step: '邮件寄递',
    status: 'delivered' as const,
    statusText: event.text,
    actor: event.place,
    at: event.time,
    source: 'ems' as const,
  }));
  const timeline = [...view.timeline, ...parcelSteps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { ...view, tracking, timeline };
}
