/**
 * Helpers for the identity system's and the WeChat face / subscribe tests
 * (not part of the build: see tsconfig exclude).
 */
import { createHash } from 'node:crypto';
import { DEFAULT_SEED } from '../options';
import { seedCitizens } from '../seed/citizens';
import { populationRegister, type PersonRole, type RegisteredPerson } from '../seed/population';
import { TEST_GOV_APP_KEY, TEST_WECHAT, type Agent } from './fixtures';

/** The register every default-seed sandbox builds (the same people, found without HTTP). */
export const REGISTER = populationRegister(seedCitizens(DEFAULT_SEED), DEFAULT_SEED);

export function personWithRole(role: PersonRole): RegisteredPerson {
  const person = REGISTER.withRole(role)[0];
  if (!person) throw new Error(`no person with role ${role}`);
  return person;
}

export function verify(agent: Agent, body: object) {
  return agent.post('/identity/v1/verify').set('X-App-Key', TEST_GOV_APP_KEY).send(body);
}

export function licences(agent: Agent, sfzmhm: string) {
  return agent.get('/elicence/v1/licences').set('X-App-Key', TEST_GOV_APP_KEY).query({ sfzmhm });
}

/** The mini-program's current access_token from stable_token. */
export async function accessToken(agent: Agent): Promise<string> {
  const res = await agent
    .post('/cgi-bin/stable_token')
    .send({ grant_type: 'client_credential', appid: TEST_WECHAT.appId, secret: TEST_WECHAT.appSecret })
    .expect(200);
  return (res.body as { access_token: string }).access_token;
}

/** cert_hash of a resident ID, computed here from WeChat's documented rule (base64 fields, SHA-256 hex). */
export function certHashOf(name: string, idNumber: string): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  return createHash('sha256')
    .update(`cert_type=${b64('IDENTITY_CARD')}&cert_name=${b64(name)}&cert_no=${b64(idNumber)}`)
    .digest('hex');
}
