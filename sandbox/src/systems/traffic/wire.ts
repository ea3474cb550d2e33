import { padColumn } from './fixed-width';
import type { DriverLicence, Vehicle, Violation } from './records';

/**
 * Records as the gateway serves them: CHAR columns right-padded (the BFF
 * trims) and the internal parts (the mortgage beside a vehicle) left out.
 */
export function licenceOnWire(licence: DriverLicence): DriverLicence {
  return { ...licence, xm: padColumn(licence.xm, 'xm') };
}

export type VehicleOnWire = Omit<Vehicle, 'mortgage'>;

export function vehicleOnWire(vehicle: Vehicle): VehicleOnWire {
  const { mortgage: _mortgage, ...fields } = vehicle;
  return {
    ...fields,
    clpp: padColumn(vehicle.clpp, 'clpp'),
    clxh: padColumn(vehicle.clxh, 'clxh'),
    syr: padColumn(vehicle.syr, 'syr'),
  };
}

export function violationOnWire(violation: Violation): Violation {
  return {
    ...violation,
    wfdz: padColumn(violation.wfdz, 'wfdz'),
    wfms: padColumn(violation.wfms, 'wfms'),
    cjjgmc: padColumn(violation.cjjgmc, 'cjjgmc'),
  };
}
