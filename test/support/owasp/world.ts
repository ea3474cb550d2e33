import { randomUUID } from 'node:crypto';
import type {
  Appointment,
  ApplicationDetail,
  ComplaintDetail,
  HallList,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  MessageList,
  PackageApplication,
  PackageDetailResponse,
  PackageForm,
  PackageListResponse,
  PaymentOrder,
  SessionList,
  SlotList,
  Ticket,
  VehicleAnswer,
  VehicleList,
  ViolationList,
  Wallet,
  WalletShareCreated,
} from '@suijing/shared';
import { toCompactDate } from '@suijing/shared';
import { Types } from 'mongoose';
import { seedKin } from '@suijing/sandbox';
import { startTestStack, type TestStack } from '../stack';
import { bearer, loginBySms, requiredMaterials, uniquePhone, uploadMaterial, verifyIdentity } from '../auth-helpers';
import { fillForm, TINY_PNG } from '../forms';
import { eventually } from '../eventually';
import { msUntilWeekdayAt } from '../beijing-time';
import { fetchOpenApi, operationsOf, type OpenApiDocument, type Operation } from '../openapi';

/**
 * The set-up of the OWASP API Security Top 10 (2023) suites (test/integration/owasp), against the
 * BFF wired as in production (embedded MongoDB, the sandbox over HTTP). Two verified citizens:
 * A owns one of everything the API can own, B is the intruder. Each suite builds the part of
 * that world it needs, on a stack of its own.
 */

export type Person = { name: string; idNumber: string; phone: string };

export interface Citizen {
  token: string;
  refreshToken: string;
  userId: string;
  /** The phone they log in with. */
  phone: string;
  person: Person;
}

/** One of everything A can own, by id. */
export interface World {
  a: Citizen;
  b: Citizen;
  item: ItemGuide;
  /** A case waiting for A's supplement (补正): withdrawable and supplementable. */
  openCase: string;
  /** A finished case A has not rated yet. */
  unratedCase: string;
  /** A finished case A rated. */
  ratedCase: string;
  packageCode: string;
  packageCaseNo: string;
  messageId: string;
  sessionId: string;
  vehicleId: string;
  /** An open camera violation of A's car (handleable online, with photos). */
  violationId: string;
  mortgageItemCode: string;
  mortgageSupplied: string[];
  hallId: string;
  business: string;
  day: string;
  appointmentId: string;
  freeSlotId: string;
  ticketId: string;
  complaintId: string;
  photoId: string;
  /** An address of A's book. */
  addressId: string;
  /** A 决定书 of A's (a handled camera record) and A's paid order for its fine (a receipt to read). */
  decisionNo: string;
  paymentOrderId: string;
  /** A's son, an active family member (proven by the 出生医学证明 naming A as father). */
  memberId: string;
  /** A's 居住证 in the 证照夹, shown once (出示) and checked by a verifier. */
  walletItemId: string;
}

export const ALLOWED_ORIGIN = 'https://h5.suijing.example';

/** The address in A's book: its mobile shows in full only in A's own copy of their data. */
export const A_ADDRESS = {
  recipient: '陈小红',
  mobile: '13600001111',
  districtCode: '440106',
  detail: '体育西路1号101房',
};

export const GOOD_RATING = {
  level: 5,
  aspects: { efficiency: 5, guideAccuracy: 5, convenience: 5, usability: 5 },
  comment: '办得很快',
};

export const as = (citizen: Citizen) => bearer(citizen.token);

export async function verifiedCitizen(stack: TestStack, role: string): Promise<Citizen> {
  const person = await stack.sandbox.citizen(role);
  const phone = uniquePhone();
  const tokens = await loginBySms(stack, phone);
  await verifyIdentity(stack, tokens.accessToken, person);
  return { token: tokens.accessToken, refreshToken: tokens.refreshToken, userId: tokens.user.id, phone, person };
}

/** A, the owner, and B, the intruder. */
export async function citizens(stack: TestStack): Promise<Pick<World, 'a' | 'b'>> {
  const [a, b] = [await verifiedCitizen(stack, 'primary'), await verifiedCitizen(stack, 'secondary')];
  return { a, b };
}

/** The guide of 居民身份证有效期满换领, the item the cases are filed for. */
export async function findItem(stack: TestStack): Promise<ItemGuide> {
  const api = () => stack.api();
  const found = (await api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
    .body as ItemListResponse;
  return (
    (
      await api()
        .get(`/api/v1/items/${found.items[0]?.code ?? ''}`)
        .expect(200)
    ).body as ItemGuideResponse
  ).item;
}

/** The citizen applies for the item, the form filled in with their own data, with these materials. */
export function applyFor(stack: TestStack, citizen: Citizen, item: ItemGuide, materials: object[]) {
  return stack
    .api()
    .post('/api/v1/applications')
    .set(as(citizen))
    .set('Idempotency-Key', randomUUID())
    .send({
      itemCode: item.code,
      formVersion: item.form.version,
      data: fillForm(item.form, citizen.person),
      materials,
    });
}

export async function fileCase(stack: TestStack, citizen: Citizen, item: ItemGuide): Promise<string> {
  const res = await applyFor(stack, citizen, item, await requiredMaterials(stack, citizen.token, item.code));
  if (res.status !== 201) throw new Error(`file case: HTTP ${res.status} ${res.text}`);
  return (res.body as ApplicationDetail).caseNo;
}

/** Accepted, then sent back for a supplement (补正): withdrawable and supplementable. */
export async function waitForSupplement(stack: TestStack, caseNo: string): Promise<string> {
  await stack.sandbox.approvalAction(caseNo, 'accept');
  await stack.sandbox.approvalAction(caseNo, 'supplement', { bcnr: '请补充户口簿首页' });
  return caseNo;
}

export async function finish(stack: TestStack, caseNo: string): Promise<string> {
  await stack.sandbox.approvalAction(caseNo, 'accept');
  await stack.sandbox.approvalAction(caseNo, 'review');
  await stack.sandbox.approvalAction(caseNo, 'approve');
  return caseNo;
}

export async function rate(stack: TestStack, citizen: Citizen, caseNo: string): Promise<string> {
  await stack.api().post(`/api/v1/applications/${caseNo}/rating`).set(as(citizen)).send(GOOD_RATING).expect(201);
  return caseNo;
}

export async function filePackage(
  stack: TestStack,
  citizen: Citizen,
): Promise<{ packageCode: string; packageCaseNo: string }> {
  const api = () => stack.api();
  const { packages } = (await api().get('/api/v1/packages').expect(200)).body as PackageListResponse;
  let packageCode = '';
  for (const candidate of packages) {
    const detail = (await api().get(`/api/v1/packages/${candidate.code}`).expect(200)).body as PackageDetailResponse;
    if (detail.package.members.filter((m) => m.police).length >= 2) {
      packageCode = candidate.code;
      break;
    }
  }
  const form = (await api().get(`/api/v1/packages/${packageCode}/form`).expect(200)).body as PackageForm;
  const materials = [];
  for (const material of form.materials.filter((m) => m.required)) {
    materials.push({
      name: material.name,
      source: 'upload' as const,
      materialId: await uploadMaterial(stack, citizen.token, TINY_PNG),
    });
  }
  const res = await api()
    .post(`/api/v1/packages/${packageCode}/applications`)
    .set(as(citizen))
    .set('Idempotency-Key', randomUUID())
    .send({ data: fillForm(form.form, citizen.person), materials })
    .expect(201);
  return { packageCode, packageCaseNo: (res.body as PackageApplication).packageCaseNo };
}

export async function fileComplaint(
  stack: TestStack,
  citizen: Citizen,
  photos: string[] = [],
): Promise<ComplaintDetail> {
  const res = await stack
    .api()
    .post('/api/v1/complaints')
    .set(as(citizen))
    .set('Idempotency-Key', randomUUID())
    .send({
      kind: 'complaint',
      category: 'window-service',
      title: '窗口排队时间过长',
      content: '周一上午在天河区政务服务中心办理身份证，排队超过两个小时。',
      photos,
      phone: citizen.person.phone,
    })
    .expect(201);
  return res.body as ComplaintDetail;
}

/** The first hall of the directory and its first business. */
export async function firstHall(stack: TestStack): Promise<Pick<World, 'hallId' | 'business'>> {
  const halls = (await stack.api().get('/api/v1/halls').expect(200)).body as HallList;
  return { hallId: halls.items[0]?.id ?? '', business: halls.items[0]?.businesses[0]?.code ?? '' };
}

/** A alone (no B), with a case waiting for a supplement, and the first hall of the directory. */
export async function loneOwner(stack: TestStack): Promise<Pick<World, 'a' | 'openCase' | 'hallId' | 'business'>> {
  const a = await verifiedCitizen(stack, 'primary');
  const openCase = await waitForSupplement(stack, await fileCase(stack, a, await findItem(stack)));
  return { a, openCase, ...(await firstHall(stack)) };
}

/** A's booking for tomorrow at the hall, and another free slot that day. */
export async function bookTomorrow(
  stack: TestStack,
  citizen: Citizen,
  { hallId, business }: Pick<World, 'hallId' | 'business'>,
): Promise<Pick<World, 'day' | 'appointmentId' | 'freeSlotId'>> {
  const api = () => stack.api();
  const today = (await api().get(`/api/v1/halls/${hallId}/slots`).query({ business }).expect(200)).body as SlotList;
  const day = today.bookableDates[1] ?? '';
  const slots = (
    (await api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date: day }).expect(200)).body as SlotList
  ).items.filter((s) => s.available && s.remaining > 1);
  const appointment = (
    await api()
      .post('/api/v1/appointments')
      .set(as(citizen))
      .set('Idempotency-Key', randomUUID())
      .send({ hallId, business, date: day, slotId: slots[0]?.id, phone: citizen.phone })
      .expect(201)
  ).body as Appointment;
  return { day, appointmentId: appointment.id, freeSlotId: slots[1]?.id ?? '' };
}

/** The whole world: one of everything A can own. */
export async function buildWorld(stack: TestStack): Promise<World> {
  const api = () => stack.api();
  const { a, b } = await citizens(stack);
  const item = await findItem(stack);
  // A 居住证 each, set at the register (issued 100 days ago): the 电子居住证 reads for A and B like their other cards.
  const permitIssuedOn = toCompactDate(new Date(stack.clock.now().getTime() - 100 * 86_400_000));
  for (const citizen of [a, b]) {
    await stack.sandbox.setResidence(citizen.person.idNumber, { jzz: { qfrq: permitIssuedOn } });
  }

  // Cases: one waiting for a supplement, one finished, one finished and rated.
  const [openCase, unratedCase, ratedCase] = [
    await fileCase(stack, a, item),
    await fileCase(stack, a, item),
    await fileCase(stack, a, item),
  ];
  await waitForSupplement(stack, openCase);
  await finish(stack, unratedCase);
  await rate(stack, a, await finish(stack, ratedCase));
  const { packageCode, packageCaseNo } = await filePackage(stack, a);

  // A draft and a favourite of the item (saved after the submissions, which clear the draft).
  await api()
    .put(`/api/v1/drafts/${item.code}`)
    .set(as(a))
    .send({ data: fillForm(item.form, a.person), formVersion: item.form.version })
    .expect(200);
  await api().put(`/api/v1/favorites/${item.code}`).set(as(a)).expect(200);
  const address = await api()
    .post('/api/v1/addresses')
    .set(as(a))
    .set('Idempotency-Key', randomUUID())
    .send(A_ADDRESS)
    .expect(201);

  const sessions = (await api().get('/api/v1/sessions').set(as(a)).expect(200)).body as SessionList;
  const vehicles = (await api().get('/api/v1/vehicles').set(as(a)).expect(200)).body as VehicleList;
  const violations = (await api().get('/api/v1/violations?kind=camera').set(as(a)).expect(200)).body as ViolationList;
  const mortgaged = vehicles.items.find((v) => v.mortgaged);
  const vehicle = (
    (
      await api()
        .get(`/api/v1/vehicles/${mortgaged?.id ?? ''}`)
        .set(as(a))
        .expect(200)
    ).body as VehicleAnswer
  ).vehicle;

  // A booking for tomorrow and a queue ticket for now.
  const hall = await firstHall(stack);
  const booking = await bookTomorrow(stack, a, hall);
  const ticket = (
    await api()
      .post(`/api/v1/halls/${hall.hallId}/tickets`)
      .set(as(a))
      .set('Idempotency-Key', randomUUID())
      .send({ business: hall.business, phone: a.phone })
      .expect(201)
  ).body as Ticket;

  // A complaint, handled (so it could be rated), with a photo of A's.
  const photoId = await uploadMaterial(stack, a.token, TINY_PNG);
  const complaint = await fileComplaint(stack, a, [photoId]);
  await stack.sandbox.requestAction(complaint.id, 'answer', '已收悉');
  await stack.sandbox.requestAction(complaint.id, 'dispatch', '转天河分局', '广州市公安局天河区分局');
  await stack.sandbox.requestAction(complaint.id, 'handle', '已增开窗口');

  // A fine of A's: a record handled at the traffic system, and A's order to pay it at the 非税 cashier.
  const wfbh = await stack.sandbox.addViolationRecord(a.person.idNumber, { lx: 'fxc', wfxw: '1208' });
  const decisionNo = await stack.sandbox.handleViolationUpstream(stack.config.gov.appKey, a.person.idNumber, wfbh);
  const paymentOrder = await api()
    .post('/api/v1/payments/orders')
    .set(as(a))
    .set('Idempotency-Key', randomUUID())
    .send({ thing: { kind: 'fine', decisionNo }, channel: 'h5' })
    .expect(201);
  const paymentOrderId = (paymentOrder.body as { id: string }).id;
  const order = await stack.connection
    .collection<{ outTradeNo: string }>('payment_orders')
    .findOne({ _id: new Types.ObjectId(paymentOrderId) } as object);
  await stack.sandbox.nontaxPay(order?.outTradeNo ?? '');
  await eventually(
    async () =>
      (await api().get(`/api/v1/payments/orders/${paymentOrderId}`).set(as(a)).expect(200)).body as PaymentOrder,
    (paid) => paid.state === 'paid',
  );

  // A's son as a family member A may act for.
  const son = seedKin('son');
  const member = await api()
    .post('/api/v1/family/children')
    .set(as(a))
    .set('Idempotency-Key', randomUUID())
    .send({ name: son.name, idNumber: son.idNumber, relation: 'son' })
    .expect(201);

  // A's 居住证 shown to a landlord, who checked it: a 出示记录 with a use (the set-up's 实人 check is still fresh).
  const wallet = (await api().get('/api/v1/wallet').set(as(a)).expect(200)).body as Wallet;
  const walletItemId = wallet.items.find((i) => i.kind === 'residence-permit')?.id ?? '';
  const share = (
    await api()
      .post('/api/v1/wallet/shares')
      .set(as(a))
      .set('Idempotency-Key', randomUUID())
      .send({ itemId: walletItemId, fields: ['name', 'permitValid'], minutes: 30, purpose: '租房' })
      .expect(201)
  ).body as WalletShareCreated;
  await api().post('/api/v1/verify/shares').send({ token: share.token, verifierName: '天河房东' }).expect(200);

  // Messages come from the approval system's pushes about A's cases.
  const messages = await eventually(
    async () => (await api().get('/api/v1/messages').set(as(a)).expect(200)).body as MessageList,
    (list) => list.items.some((m) => !m.read),
  );

  return {
    a,
    b,
    item,
    openCase,
    unratedCase,
    ratedCase,
    packageCode,
    packageCaseNo,
    messageId: messages.items.find((m) => !m.read)?.id ?? '',
    sessionId: sessions.items.find((s) => s.current)?.id ?? '',
    vehicleId: mortgaged?.id ?? '',
    violationId: violations.items[0]?.id ?? '',
    mortgageItemCode: vehicle.mortgageRelease?.itemCode ?? '',
    mortgageSupplied: vehicle.mortgageRelease?.suppliedMaterials ?? [],
    ...hall,
    ...booking,
    ticketId: ticket.id,
    complaintId: complaint.id,
    photoId,
    addressId: (address.body as { id: string }).id,
    decisionNo,
    paymentOrderId,
    memberId: (member.body as { memberId: string }).memberId,
    walletItemId,
  };
}

/** What a suite gets: filled in by its beforeAll, so read it inside hooks and tests only. */
export interface OwaspSuite<W> {
  stack: TestStack;
  doc: OpenApiDocument;
  operations: Operation[];
  w: W;
  api: () => ReturnType<TestStack['api']>;
  as: typeof as;
}

/**
 * Starts a stack of its own for the suite in beforeAll (a weekday at 10:00 Beijing time: halls
 * open, tickets can be taken, tomorrow's slots bookable; the sandbox pushing approval events to
 * it), reads /openapi.json and builds the suite's part of the world; closes it in afterAll.
 */
export function owaspSuite<W extends object>(build: (stack: TestStack) => Promise<W>): OwaspSuite<W> {
  // Filled in place in beforeAll, so that the suite can destructure them when it is declared.
  const suite = { stack: {}, doc: {}, operations: [], w: {} } as unknown as OwaspSuite<W>;
  suite.api = () => suite.stack.api();
  suite.as = as;

  beforeAll(async () => {
    const stack = Object.assign(suite.stack, await startTestStack({ CORS_ORIGINS: ALLOWED_ORIGIN }));
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
    const base = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${base}/api/v1/hooks/approval`);
    Object.assign(suite.doc, await fetchOpenApi(stack));
    suite.operations.push(...operationsOf(suite.doc));

    const w = Object.assign(suite.w, await build(stack));
    const missing = Object.entries(w).filter(([, value]) => value === '');
    if (missing.length > 0) throw new Error(`set-up: no ${missing.map(([key]) => key).join(', ')}`);
  }, 120_000);
  afterAll(() => suite.stack.close());

  return suite;
}
