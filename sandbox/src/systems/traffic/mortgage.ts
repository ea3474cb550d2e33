import type { LegacyError } from '../../legacy/envelope';
import { TRAFFIC_ERRORS } from './errors';
import type { ReleaseRecord, TrafficFile, Vehicle } from './records';

export interface ReleaseCheckData {
  xh: string;
  hphm: string;
  hpzl: string;
  clsbdh: string;
  dyqr: string;
  dyhtbh: string;
  jcdyjl: ReleaseRecord;
}

export type ReleaseCheck = { ok: true; vehicle: Vehicle; data: ReleaseCheckData } | { ok: false; error: LegacyError };

/**
 * 解除抵押 precheck: the vehicle is the person's (4002, the same answer for
 * an unknown xh so numbers reveal nothing), it is mortgaged (5101) and the
 * lender has filed its release (5102).
 */
export function checkRelease(file: TrafficFile | undefined, xh: string): ReleaseCheck {
  const vehicle = file?.vehicles.find((candidate) => candidate.xh === xh);
  if (!vehicle) return { ok: false, error: TRAFFIC_ERRORS.NO_VEHICLE };
  const mortgage = vehicle.mortgage;
  if (vehicle.dybj !== '1' || !mortgage) return { ok: false, error: TRAFFIC_ERRORS.NOT_MORTGAGED };
  if (!mortgage.jcdyjl) return { ok: false, error: TRAFFIC_ERRORS.NO_RELEASE_RECORD };
  return {
    ok: true,
    vehicle,
    data: {
      xh: vehicle.xh,
      hphm: vehicle.hphm,
      hpzl: vehicle.hpzl,
      clsbdh: vehicle.clsbdh,
      dyqr: mortgage.dyqr,
      dyhtbh: mortgage.dyhtbh,
      jcdyjl: { ...mortgage.jcdyjl },
    },
  };
}

/** 解除抵押 done: the flag drops and the lender's release record is used up. */
export function releaseMortgage(vehicle: Vehicle): void {
  vehicle.dybj = '0';
  delete vehicle.mortgage;
}
