/**
 * Helpers for the traffic system's tests (not part of the build: see tsconfig exclude).
 */
import type { DriverLicence, Vehicle, Violation } from '../systems/traffic/records';
import { TEST_GOV_APP_KEY, type Agent } from './fixtures';

/** What GET /sandbox/traffic/people/:sfzmhm answers. */
export interface TrafficPerson {
  sfzmhm: string;
  licence: DriverLicence | null;
  vehicles: Vehicle[];
  violations: { xc: Violation[]; fxc: Violation[] };
}

export function trafficGet(agent: Agent, path: string, query: Record<string, string>) {
  return agent.get(`/traffic/v1/${path}`).set('X-App-Key', TEST_GOV_APP_KEY).query(query);
}

export function trafficPost(agent: Agent, path: string, body: object) {
  return agent.post(`/traffic/v1/${path}`).set('X-App-Key', TEST_GOV_APP_KEY).send(body);
}

/** A person's whole traffic file, unpadded, through the control API. */
export async function trafficPerson(agent: Agent, sfzmhm: string): Promise<TrafficPerson> {
  const res = await agent.get(`/sandbox/traffic/people/${sfzmhm}`).expect(200);
  return res.body as TrafficPerson;
}

/** The person's vehicle matching a predicate (e.g. the mortgaged one), or a failure naming what is there. */
export async function vehicleWhere(
  agent: Agent,
  sfzmhm: string,
  predicate: (vehicle: Vehicle) => boolean,
): Promise<Vehicle> {
  const { vehicles } = await trafficPerson(agent, sfzmhm);
  const vehicle = vehicles.find(predicate);
  if (!vehicle) throw new Error(`no matching vehicle among ${JSON.stringify(vehicles)}`);
  return vehicle;
}
