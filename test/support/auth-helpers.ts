import type {
  IdentityCheckOutcome,
  IdentityCheckStart,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  LicenceList,
  MaterialRef,
  TokenResponse,
} from '@suijing/shared';
import { TINY_PNG } from './forms';
import type { TestStack } from './stack';

let phoneCounter = 0;

/** A fresh, valid mainland mobile per call, so tests never share rate-limit windows. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const suffix = `${process.pid % 10000}`.padStart(4, '0') + `${phoneCounter}`.padStart(4, '0');
  return `139${suffix.slice(-8)}`;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** A documentation-range client address per phone, so per-address limits of one test never hit another. */
export function addressFor(phone: string): string {
  const n = Number(phone.slice(-6));
  return `198.51.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

/** Asks for a login code from the phone's own client address. */
export function sendCode(stack: TestStack, phone: string) {
  return stack.api().post('/api/v1/auth/sms/send').set('X-Forwarded-For', addressFor(phone)).send({ phone });
}

/** Logs in by SMS the way the H5 build does: send, read the code from the sandbox outbox, log in. */
export async function loginBySms(
  stack: TestStack,
  phone = uniquePhone(),
  platform: 'h5' | 'weapp' = 'h5',
): Promise<TokenResponse> {
  await sendCode(stack, phone).expect(200);
  const code = await stack.sandbox.latestSmsCode(phone);
  const res = await stack.api().post('/api/v1/auth/sms/login').send({ phone, code, client: { platform } }).expect(200);
  return res.body as TokenResponse;
}

export async function loginByWechat(stack: TestStack, openid: string): Promise<TokenResponse> {
  const code = await stack.sandbox.wechatCode(openid);
  const res = await stack
    .api()
    .post('/api/v1/auth/wechat')
    .send({ code, client: { platform: 'weapp' } })
    .expect(200);
  return res.body as TokenResponse;
}

/**
 * Completes 实名 (L2) and then 实人 (L3) on this session for a logged-in user
 * as a seeded person of the register: what a citizen does before their
 * records open or a case is filed.
 */
export async function verifyIdentity(
  stack: TestStack,
  accessToken: string,
  person: { name: string; idNumber: string },
): Promise<void> {
  await verifyRealName(stack, accessToken, person);
  await passInPerson(stack, accessToken);
}

/** 实名 (L2) only: name and ID number matched by the register, bound to this account. */
export async function verifyRealName(
  stack: Pick<TestStack, 'api'>,
  accessToken: string,
  person: { name: string; idNumber: string },
): Promise<void> {
  await stack
    .api()
    .post('/api/v1/identity/verify')
    .set(bearer(accessToken))
    .send({ name: person.name, idNumber: person.idNumber })
    .expect(200);
}

/** Uploads a small valid PNG as a material and gives its reference. */
export async function uploadMaterial(stack: TestStack, accessToken: string, bytes: Buffer): Promise<string> {
  const res = await stack.api().post('/api/v1/materials').set(bearer(accessToken)).attach('file', bytes, 'photo.png');
  if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { materialId: string }).materialId;
}

/**
 * References for every required material of an item, as a careful citizen
 * gives them: the matching e-licence on file where there is one, else an
 * upload. `except` names materials the system supplies itself.
 */
export async function requiredMaterials(
  stack: TestStack,
  accessToken: string,
  itemCode: string,
  except: readonly string[] = [],
): Promise<MaterialRef[]> {
  const { item } = (await stack.api().get(`/api/v1/items/${itemCode}`).expect(200)).body as ItemGuideResponse;
  const { items: licences } = (await stack.api().get('/api/v1/licences').set(bearer(accessToken)).expect(200))
    .body as LicenceList;
  const refs: MaterialRef[] = [];
  for (const material of item.materials) {
    if (material.necessity !== 'required' || except.includes(material.name)) continue;
    const wanted = material.eLicence.name ?? material.name;
    const licence = material.eLicence.reusable ? licences.find((l) => l.usable && l.name === wanted) : undefined;
    refs.push(
      licence
        ? { name: material.name, source: 'elicence', licenceId: licence.licenceId }
        : { name: material.name, source: 'upload', materialId: await uploadMaterial(stack, accessToken, TINY_PNG) },
    );
  }
  return refs;
}

/** The guide (with its form) of the first item a search finds, as a citizen opening it would get it. */
export async function findItem(stack: TestStack, query: string): Promise<ItemGuide> {
  const found = (await stack.api().get('/api/v1/items').query({ q: query }).expect(200)).body as ItemListResponse;
  const code = found.items[0]?.code;
  if (!code) throw new Error(`no item found for ${query}`);
  return ((await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse).item;
}

/**
 * 实人 (L3) on this session, as the browser build does it: a 网证
 * authorisation that the person (here the sandbox's authorisation page,
 * driven through its control route) confirms. With `person` the check is
 * for that name and ID number (a first verification or 刷脸换绑); without,
 * for the account's own verified identity.
 */
export async function passInPerson(
  stack: Pick<TestStack, 'api' | 'sandbox'>,
  accessToken: string,
  person?: { name: string; idNumber: string },
): Promise<IdentityCheckOutcome> {
  const started = await stack
    .api()
    .post('/api/v1/identity/checks')
    .set(bearer(accessToken))
    .send({ channel: 'ctid', ...(person ? { name: person.name, idNumber: person.idNumber } : {}) });
  if (started.status !== 200)
    throw new Error(`in-person start: HTTP ${started.status} ${JSON.stringify(started.body)}`);
  const check = started.body as IdentityCheckStart;
  await stack.sandbox.ctidDecide(check.ctid?.authUrl ?? '', 'pass');
  const done = await stack.api().post(`/api/v1/identity/checks/${check.checkId}/complete`).set(bearer(accessToken));
  if (done.status !== 200) throw new Error(`in-person complete: HTTP ${done.status} ${JSON.stringify(done.body)}`);
  return done.body as IdentityCheckOutcome;
}

let residentsHandedOut = 0;

/**
 * A resident of the register no other call in this test file was given, so
 * one test's bindings and daily tries never count against another's.
 */
export async function aResident(stack: Pick<TestStack, 'sandbox'>): Promise<{ name: string; idNumber: string }> {
  const [person] = await stack.sandbox.registerPeople('resident', 1, 100 + residentsHandedOut++);
  if (!person) throw new Error('the register ran out of residents');
  return { name: person.name, idNumber: person.idNumber };
}

/** Another citizen, logged in and 实名 (L2): someone who may see their own things but not yours. */
export async function verifiedStranger(stack: TestStack): Promise<TokenResponse> {
  const account = await loginBySms(stack);
  await verifyRealName(stack, account.accessToken, await aResident(stack));
  return account;
}
