import { randomUUID } from 'node:crypto';
import type {
  Appointment,
  ApplicationDetail,
  ComplaintDetail,
  Draft,
  Favorite,
  HallList,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  MessageList,
  PackageApplication,
  PackageDetailResponse,
  PackageForm,
  PackageListResponse,
  Rating,
  SessionList,
  SlotList,
  Ticket,
  VehicleAnswer,
  VehicleList,
} from '@suijing/shared';
import { maskName } from '@suijing/shared/masking';
import type { Response } from 'supertest';
import { startTestStack, type TestStack } from '../support/stack';
import {
  bearer,
  loginBySms,
  loginByWechat,
  requiredMaterials,
  sendCode,
  uniquePhone,
  uploadMaterial,
  verifyIdentity,
} from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { eventually } from '../support/eventually';
import { msUntilWeekdayAt } from '../support/beijing-time';
import {
  fetchOpenApi,
  operationKey,
  operationsOf,
  resolveSchema,
  type OpenApiDocument,
  type Operation,
  type SchemaObject,
} from '../support/openapi';
import { claimsOf, forgeWithServerKey, rs256Token, unsignedToken } from '../support/token-forgery';
import { startCanary } from '../support/canary-server';
import { postApprovalEvent } from '../support/approval-webhook';
import { startTamperingProxy, type TamperingProxy } from '../support/tampering-proxy';

/**
 * The OWASP API Security Top 10 (2023), category by category, against the
 * BFF wired as in production (embedded MongoDB, the sandbox over HTTP).
 * Two verified citizens: A owns one of everything the API can own, B is the
 * intruder. Routes come from the served /openapi.json, so a route added later
 * is covered (or the suite says it is not).
 */

type ErrorBody = { error: { code: string; message: string; requestId: string; fields?: Array<{ path: string }> } };
type Person = { name: string; idNumber: string; phone: string };

interface Citizen {
  token: string;
  refreshToken: string;
  userId: string;
  /** The phone they log in with. */
  phone: string;
  person: Person;
}

/** One of everything A can own, by id. */
interface World {
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
}

const ALLOWED_ORIGIN = 'https://h5.suijing.example';
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/** Field names of secrets that never belong in an answer. */
const SECRET_WORDS = /session_?key|openid|unionid|password|passwd|refresh_?hash|idHash|sealed|secret|jwt/i;

const GOOD_RATING = {
  level: 5,
  aspects: { efficiency: 5, guideAccuracy: 5, convenience: 5, usability: 5 },
  comment: '办得很快',
};

const errorOf = (res: Response) => (res.body as ErrorBody).error;

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

/** The error shape, exactly: nothing else (no stack, no cause, no upstream text). */
function expectErrorShape(res: Response, status: number, code?: string): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  const body = res.body as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['error']);
  const error = errorOf(res);
  expect(Object.keys(error).filter((k) => !['code', 'message', 'requestId', 'fields'].includes(k))).toEqual([]);
  expect(typeof error.message).toBe('string');
  expect(error.requestId).toBe(res.headers['x-request-id']);
  if (code) expect(error.code).toBe(code);
  expect(res.text).not.toMatch(/\n\s+at |node_modules|Error:|stack/);
}

/** A 429 of a rate limit says when to come back: Retry-After in whole seconds, within the limit's window. */
function expectRetryAfter(res: Response, windowSeconds: number): void {
  const seconds = Number(res.headers['retry-after']);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
}

describe('OWASP API Security Top 10 (2023)', () => {
  let stack: TestStack;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let w: World;

  const api = () => stack.api();
  const as = (citizen: Citizen) => bearer(citizen.token);

  async function verifiedCitizen(role: string): Promise<Citizen> {
    const person = await stack.sandbox.citizen(role);
    const phone = uniquePhone();
    const tokens = await loginBySms(stack, phone);
    await verifyIdentity(stack, tokens.accessToken, person);
    return { token: tokens.accessToken, refreshToken: tokens.refreshToken, userId: tokens.user.id, phone, person };
  }

  async function fileCase(citizen: Citizen, item: ItemGuide): Promise<string> {
    const res = await api()
      .post('/api/v1/applications')
      .set(as(citizen))
      .set('Idempotency-Key', randomUUID())
      .send({
        itemCode: item.code,
        formVersion: item.form.version,
        data: fillForm(item.form, citizen.person),
        materials: await requiredMaterials(stack, citizen.token, item.code),
      });
    if (res.status !== 201) throw new Error(`file case: HTTP ${res.status} ${res.text}`);
    return (res.body as ApplicationDetail).caseNo;
  }

  async function finish(caseNo: string): Promise<void> {
    await stack.sandbox.approvalAction(caseNo, 'accept');
    await stack.sandbox.approvalAction(caseNo, 'review');
    await stack.sandbox.approvalAction(caseNo, 'approve');
  }

  async function filePackage(citizen: Citizen): Promise<{ packageCode: string; packageCaseNo: string }> {
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

  async function fileComplaint(citizen: Citizen, photos: string[] = []): Promise<ComplaintDetail> {
    const res = await api()
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

  beforeAll(async () => {
    stack = await startTestStack({ CORS_ORIGINS: ALLOWED_ORIGIN });
    // A weekday at 10:00 Beijing time: halls open, tickets can be taken, tomorrow's slots bookable.
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
    const base = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${base}/api/v1/hooks/approval`);
    doc = await fetchOpenApi(stack);
    operations = operationsOf(doc);

    const [a, b] = [await verifiedCitizen('primary'), await verifiedCitizen('secondary')];
    const found = (await api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    const item = (
      (
        await api()
          .get(`/api/v1/items/${found.items[0]?.code ?? ''}`)
          .expect(200)
      ).body as ItemGuideResponse
    ).item;

    // Cases: one waiting for a supplement, one finished, one finished and rated.
    const [openCase, unratedCase, ratedCase] = [
      await fileCase(a, item),
      await fileCase(a, item),
      await fileCase(a, item),
    ];
    await stack.sandbox.approvalAction(openCase, 'accept');
    await stack.sandbox.approvalAction(openCase, 'supplement', { bcnr: '请补充户口簿首页' });
    await finish(unratedCase);
    await finish(ratedCase);
    await api().post(`/api/v1/applications/${ratedCase}/rating`).set(as(a)).send(GOOD_RATING).expect(201);
    const { packageCode, packageCaseNo } = await filePackage(a);

    // A draft and a favourite of the item (saved after the submissions, which clear the draft).
    await api()
      .put(`/api/v1/drafts/${item.code}`)
      .set(as(a))
      .send({ data: fillForm(item.form, a.person), formVersion: item.form.version })
      .expect(200);
    await api().put(`/api/v1/favorites/${item.code}`).set(as(a)).expect(200);

    const sessions = (await api().get('/api/v1/sessions').set(as(a)).expect(200)).body as SessionList;
    const vehicles = (await api().get('/api/v1/vehicles').set(as(a)).expect(200)).body as VehicleList;
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
    const halls = (await api().get('/api/v1/halls').expect(200)).body as HallList;
    const hallId = halls.items[0]?.id ?? '';
    const business = halls.items[0]?.businesses[0]?.code ?? '';
    const today = (await api().get(`/api/v1/halls/${hallId}/slots`).query({ business }).expect(200)).body as SlotList;
    const day = today.bookableDates[1] ?? '';
    const slots = (
      (await api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date: day }).expect(200)).body as SlotList
    ).items.filter((s) => s.available && s.remaining > 1);
    const appointment = (
      await api()
        .post('/api/v1/appointments')
        .set(as(a))
        .set('Idempotency-Key', randomUUID())
        .send({ hallId, business, date: day, slotId: slots[0]?.id, phone: a.phone })
        .expect(201)
    ).body as Appointment;
    const ticket = (
      await api()
        .post(`/api/v1/halls/${hallId}/tickets`)
        .set(as(a))
        .set('Idempotency-Key', randomUUID())
        .send({ business, phone: a.phone })
        .expect(201)
    ).body as Ticket;

    // A complaint, handled (so it could be rated), with a photo of A's.
    const photoId = await uploadMaterial(stack, a.token, TINY_PNG);
    const complaint = await fileComplaint(a, [photoId]);
    await stack.sandbox.requestAction(complaint.id, 'answer', '已收悉');
    await stack.sandbox.requestAction(complaint.id, 'dispatch', '转天河分局', '广州市公安局天河区分局');
    await stack.sandbox.requestAction(complaint.id, 'handle', '已增开窗口');

    // Messages come from the approval system's pushes about A's cases.
    const messages = await eventually(
      async () => (await api().get('/api/v1/messages').set(as(a)).expect(200)).body as MessageList,
      (list) => list.items.some((m) => !m.read),
    );

    w = {
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
      mortgageItemCode: vehicle.mortgageRelease?.itemCode ?? '',
      mortgageSupplied: vehicle.mortgageRelease?.suppliedMaterials ?? [],
      hallId,
      business,
      day,
      appointmentId: appointment.id,
      freeSlotId: slots[1]?.id ?? '',
      ticketId: ticket.id,
      complaintId: complaint.id,
      photoId,
    };
    const missing = Object.entries(w).filter(([, value]) => value === '');
    if (missing.length > 0) throw new Error(`set-up: no ${missing.map(([key]) => key).join(', ')}`);
  }, 120_000);
  afterAll(() => stack.close());

  /** The id of A's object a GET path names, by the segment before the {param}. */
  const idFor: Record<string, () => string> = {
    applications: () => w.ratedCase,
    'package-applications': () => w.packageCaseNo,
    drafts: () => w.item.code,
    items: () => w.item.code,
    favorites: () => w.item.code,
    packages: () => w.packageCode,
    vehicles: () => w.vehicleId,
    appointments: () => w.appointmentId,
    tickets: () => w.ticketId,
    complaints: () => w.complaintId,
    halls: () => w.hallId,
  };
  const queryFor: Record<string, () => Record<string, string | number>> = {
    '/api/v1/halls/{id}/slots': () => ({ business: w.business }),
    '/api/v1/halls/recommend': () => ({ business: w.business, lat: 23.1291, lng: 113.3246 }),
  };

  /** A's concrete URL for a documented path, or undefined when the suite does not know the id. */
  function concrete(path: string): string | undefined {
    let missing = false;
    const url = path.replace(/\/([\w-]+)\/\{\w+\}/g, (_all, segment: string) => {
      const id = idFor[segment];
      if (!id) missing = true;
      return `/${segment}/${id ? id() : ''}`;
    });
    return missing ? undefined : url;
  }

  /** A's GET of every documented read, with A's own ids; the paths the suite has no id for. */
  async function tourOfReads(): Promise<{ answers: Array<{ key: string; res: Response }>; unknown: string[] }> {
    const gets = operations.filter((op) => op.method === 'get');
    const answers = [];
    for (const op of gets) {
      const url = concrete(op.path);
      if (!url) continue;
      const res = await api()
        .get(url)
        .query(queryFor[op.path]?.() ?? {})
        .set(as(w.a));
      answers.push({ key: operationKey(op), res });
    }
    return { answers, unknown: gets.filter((op) => !concrete(op.path)).map(operationKey) };
  }

  // ---------------------------------------------------------------------------------------------
  describe('API1:2023 Broken Object Level Authorization', () => {
    /**
     * For each id-taking operation: B calls it with A's id. `expected` is what B gets: 404
     * (someone else's id reads as unknown) or, for routes keyed by a catalog code within the
     * caller's own data, B's own (empty) view. `ownerView` is A's view of the object, which
     * must be the same before and after.
     */
    interface BolaCase {
      attack: () => Promise<Response>;
      expected: { status: number; code?: string; body?: object };
      ownerView: () => Promise<unknown>;
    }

    const caseView = (caseNo: () => string) => async () => {
      const res = await api().get(`/api/v1/applications/${caseNo()}`).set(as(w.a)).expect(200);
      const { status, canWithdraw, canSupplement, timeline } = res.body as ApplicationDetail;
      return { status, canWithdraw, canSupplement, steps: timeline.length };
    };
    const ratingView = (caseNo: () => string) => async () => {
      const res = await api().get(`/api/v1/applications/${caseNo()}/rating`).set(as(w.a));
      return { status: res.status, id: (res.body as Partial<Rating>).id, level: (res.body as Partial<Rating>).level };
    };
    const packageView = async () =>
      (await api().get(`/api/v1/package-applications/${w.packageCaseNo}`).set(as(w.a)).expect(200)).body as unknown;
    const vehicleView = async () => {
      const { vehicle } = (await api().get(`/api/v1/vehicles/${w.vehicleId}`).set(as(w.a)).expect(200))
        .body as VehicleAnswer;
      const cases = await stack.sandbox.approvalCases(w.a.person.idNumber);
      return { plate: vehicle.plate, mortgaged: vehicle.mortgaged, cases: cases.length };
    };
    const appointmentView = async () => {
      const { id, status, from, date } = (
        await api().get(`/api/v1/appointments/${w.appointmentId}`).set(as(w.a)).expect(200)
      ).body as Appointment;
      return { id, status, from, date };
    };
    const complaintView = async () => {
      const { stage, canRate, rating } = (
        await api().get(`/api/v1/complaints/${w.complaintId}`).set(as(w.a)).expect(200)
      ).body as ComplaintDetail;
      return { stage, canRate, rating };
    };
    const draftView = async () => {
      const res = await api().get(`/api/v1/drafts/${w.item.code}`).set(as(w.a)).expect(200);
      const { revision, data, updatedAt } = res.body as Draft;
      return { revision, data, updatedAt };
    };
    const favoriteView = async () =>
      (await api().get(`/api/v1/favorites/${w.item.code}`).set(as(w.a)).expect(200)).body as Favorite;
    const byB = () => as(w.b);

    const CASES: Record<string, BolaCase> = {
      'GET /api/v1/applications/{caseNo}': {
        attack: async () => api().get(`/api/v1/applications/${w.openCase}`).set(byB()),
        expected: { status: 404, code: 'CASE_NOT_FOUND' },
        ownerView: caseView(() => w.openCase),
      },
      'POST /api/v1/applications/{caseNo}/supplements': {
        attack: async () =>
          api()
            .post(`/api/v1/applications/${w.openCase}/supplements`)
            .set(byB())
            .send({ explanation: '已补充户口簿首页', materials: [] }),
        expected: { status: 404, code: 'CASE_NOT_FOUND' },
        ownerView: caseView(() => w.openCase),
      },
      'POST /api/v1/applications/{caseNo}/withdraw': {
        attack: async () =>
          api().post(`/api/v1/applications/${w.openCase}/withdraw`).set(byB()).send({ reason: '不想办了' }),
        expected: { status: 404, code: 'CASE_NOT_FOUND' },
        ownerView: caseView(() => w.openCase),
      },
      'POST /api/v1/applications/{caseNo}/rating': {
        attack: async () => api().post(`/api/v1/applications/${w.unratedCase}/rating`).set(byB()).send(GOOD_RATING),
        expected: { status: 404, code: 'CASE_NOT_FOUND' },
        ownerView: ratingView(() => w.unratedCase),
      },
      'GET /api/v1/applications/{caseNo}/rating': {
        attack: async () => api().get(`/api/v1/applications/${w.ratedCase}/rating`).set(byB()),
        expected: { status: 404, code: 'CASE_NOT_FOUND' },
        ownerView: ratingView(() => w.ratedCase),
      },
      'GET /api/v1/package-applications/{packageCaseNo}': {
        attack: async () => api().get(`/api/v1/package-applications/${w.packageCaseNo}`).set(byB()),
        expected: { status: 404, code: 'CASE_NOT_FOUND' },
        ownerView: packageView,
      },
      'POST /api/v1/package-applications/{packageCaseNo}/retry': {
        attack: async () => api().post(`/api/v1/package-applications/${w.packageCaseNo}/retry`).set(byB()),
        expected: { status: 404, code: 'CASE_NOT_FOUND' },
        ownerView: packageView,
      },
      'POST /api/v1/messages/{id}/read': {
        attack: async () => api().post(`/api/v1/messages/${w.messageId}/read`).set(byB()),
        expected: { status: 404, code: 'NOT_FOUND' },
        ownerView: async () =>
          ((await api().get('/api/v1/messages').set(as(w.a)).expect(200)).body as MessageList).items.find(
            (m) => m.id === w.messageId,
          ),
      },
      'DELETE /api/v1/sessions/{id}': {
        attack: async () => api().delete(`/api/v1/sessions/${w.sessionId}`).set(byB()),
        expected: { status: 404, code: 'NOT_FOUND' },
        ownerView: async () => ({
          me: (await api().get('/api/v1/me').set(as(w.a))).status,
          sessions: ((await api().get('/api/v1/sessions').set(as(w.a)).expect(200)).body as SessionList).items.map(
            (s) => s.id,
          ),
        }),
      },
      'GET /api/v1/vehicles/{id}': {
        attack: async () => api().get(`/api/v1/vehicles/${w.vehicleId}`).set(byB()),
        expected: { status: 404, code: 'VEHICLE_NOT_FOUND' },
        ownerView: vehicleView,
      },
      'POST /api/v1/vehicles/{id}/mortgage-release': {
        attack: async () =>
          api()
            .post(`/api/v1/vehicles/${w.vehicleId}/mortgage-release`)
            .set(byB())
            .set('Idempotency-Key', randomUUID())
            .send({
              phone: w.b.person.phone,
              address: '广州市海珠区新港中路1号',
              materials: await requiredMaterials(stack, w.b.token, w.mortgageItemCode, w.mortgageSupplied),
            }),
        expected: { status: 404, code: 'VEHICLE_NOT_FOUND' },
        ownerView: vehicleView,
      },
      'GET /api/v1/appointments/{id}': {
        attack: async () => api().get(`/api/v1/appointments/${w.appointmentId}`).set(byB()),
        expected: { status: 404, code: 'APPOINTMENT_NOT_FOUND' },
        ownerView: appointmentView,
      },
      'POST /api/v1/appointments/{id}/cancel': {
        attack: async () => api().post(`/api/v1/appointments/${w.appointmentId}/cancel`).set(byB()),
        expected: { status: 404, code: 'APPOINTMENT_NOT_FOUND' },
        ownerView: appointmentView,
      },
      'POST /api/v1/appointments/{id}/reschedule': {
        attack: async () =>
          api()
            .post(`/api/v1/appointments/${w.appointmentId}/reschedule`)
            .set(byB())
            .send({ date: w.day, slotId: w.freeSlotId }),
        expected: { status: 404, code: 'APPOINTMENT_NOT_FOUND' },
        ownerView: appointmentView,
      },
      'GET /api/v1/tickets/{id}': {
        attack: async () => api().get(`/api/v1/tickets/${w.ticketId}`).set(byB()),
        expected: { status: 404, code: 'TICKET_NOT_FOUND' },
        ownerView: async () => {
          const { id, number, status } = (await api().get(`/api/v1/tickets/${w.ticketId}`).set(as(w.a)).expect(200))
            .body as Ticket;
          return { id, number, status };
        },
      },
      'GET /api/v1/complaints/{id}': {
        attack: async () => api().get(`/api/v1/complaints/${w.complaintId}`).set(byB()),
        expected: { status: 404, code: 'COMPLAINT_NOT_FOUND' },
        ownerView: complaintView,
      },
      'POST /api/v1/complaints/{id}/rating': {
        attack: async () =>
          api().post(`/api/v1/complaints/${w.complaintId}/rating`).set(byB()).send({ level: 1, comment: '' }),
        expected: { status: 404, code: 'COMPLAINT_NOT_FOUND' },
        ownerView: complaintView,
      },
      // Drafts and favourites are keyed by the (public) item code inside the caller's own data:
      // B reaches only B's own, never A's.
      'GET /api/v1/drafts/{itemCode}': {
        attack: async () => api().get(`/api/v1/drafts/${w.item.code}`).set(byB()),
        expected: { status: 404, code: 'DRAFT_NOT_FOUND' },
        ownerView: draftView,
      },
      'PUT /api/v1/drafts/{itemCode}': {
        attack: async () =>
          api().put(`/api/v1/drafts/${w.item.code}`).set(byB()).send({ data: {}, formVersion: w.item.form.version }),
        expected: { status: 200, body: { revision: 1, data: {} } },
        ownerView: draftView,
      },
      'DELETE /api/v1/drafts/{itemCode}': {
        attack: async () => api().delete(`/api/v1/drafts/${w.item.code}`).set(byB()),
        expected: { status: 204 },
        ownerView: draftView,
      },
      'GET /api/v1/favorites/{code}': {
        attack: async () => api().get(`/api/v1/favorites/${w.item.code}`).set(byB()),
        expected: { status: 200, body: { favorite: false } },
        ownerView: favoriteView,
      },
      'PUT /api/v1/favorites/{code}': {
        attack: async () => api().put(`/api/v1/favorites/${w.item.code}`).set(byB()),
        expected: { status: 200, body: { favorite: true } },
        ownerView: favoriteView,
      },
      'DELETE /api/v1/favorites/{code}': {
        attack: async () => api().delete(`/api/v1/favorites/${w.item.code}`).set(byB()),
        expected: { status: 200, body: { favorite: false } },
        ownerView: favoriteView,
      },
    };

    /** Id-taking operations that name no user-owned object, and why. */
    const NOT_OWNED: Record<string, string> = {
      'GET /api/v1/items/{code}': 'a public catalog item (办事指南), the same for everyone',
      'GET /api/v1/packages/{code}': 'a public "一件事" package of the catalog',
      'GET /api/v1/packages/{code}/form': 'the public combined form of a catalog package',
      'POST /api/v1/packages/{code}/applications':
        'the code names a public catalog package; the application it creates belongs to the caller',
      'GET /api/v1/halls/{id}': 'a public service hall of the directory',
      'GET /api/v1/halls/{id}/slots': "a public hall's bookable slots",
      'POST /api/v1/halls/{id}/tickets': 'the id names a public hall; the ticket it creates belongs to the caller',
    };

    it('when /openapi.json is read, then every operation taking an id is either attacked below or listed as not owned', () => {
      // Arrange
      const idTaking = operations.filter((op) => op.params.length > 0).map(operationKey);

      // Act
      const uncovered = idTaking.filter((key) => !(key in CASES) && !(key in NOT_OWNED));
      const stale = [...Object.keys(CASES), ...Object.keys(NOT_OWNED)].filter((key) => !idTaking.includes(key));

      // Assert
      expect(uncovered).toEqual([]);
      expect(stale).toEqual([]);
      expect(idTaking.length).toBeGreaterThanOrEqual(Object.keys(CASES).length);
    });

    it.each(Object.keys(CASES))(
      "when B calls %s with A's id, then B does not reach A's object and it is unchanged",
      async (key) => {
        // Arrange
        const bola = CASES[key] as BolaCase;
        const before = await bola.ownerView();

        // Act
        const res = await bola.attack();

        // Assert
        expect(res.status).toBe(bola.expected.status);
        if (bola.expected.status >= 400) expectErrorShape(res, bola.expected.status, bola.expected.code);
        if (bola.expected.body) expect(res.body).toMatchObject(bola.expected.body);
        expect(await bola.ownerView()).toEqual(before);
      },
    );

    it("when B reads every list of their own, then none of A's ids or numbers is in any of them", async () => {
      // Arrange
      const lists = operations.filter((op) => op.method === 'get' && op.auth && op.params.length === 0);
      const aOnly = {
        openCase: w.openCase,
        unratedCase: w.unratedCase,
        ratedCase: w.ratedCase,
        packageCaseNo: w.packageCaseNo,
        messageId: w.messageId,
        sessionId: w.sessionId,
        vehicleId: w.vehicleId,
        appointmentId: w.appointmentId,
        ticketId: w.ticketId,
        complaintId: w.complaintId,
        photoId: w.photoId,
        userId: w.a.userId,
        idNumber: w.a.person.idNumber,
        phone: w.a.phone,
      };

      // Act
      const answers = [];
      for (const op of lists) answers.push({ key: operationKey(op), res: await api().get(op.path).set(byB()) });

      // Assert
      expect(lists.length).toBeGreaterThan(10);
      expect(answers.filter((a) => a.res.status !== 200).map((a) => `${a.key} -> ${a.res.status}`)).toEqual([]);
      const found = answers.flatMap(({ key, res }) =>
        Object.entries(aOnly)
          .filter(([, value]) => res.text.includes(value))
          .map(([name]) => `${key}: A's ${name}`),
      );
      expect(found).toEqual([]);
    });

    it("when B names A's upload, e-licence, case or face check inside a body, then it is refused as unknown and nothing is filed", async () => {
      // Arrange
      const { items: licences } = (await api().get('/api/v1/licences').set(as(w.a)).expect(200)).body as {
        items: Array<{ licenceId: string; name: string; usable: boolean }>;
      };
      const licence = licences.find((l) => l.usable);
      const bCasesBefore = (await stack.sandbox.approvalCases(w.b.person.idNumber)).length;
      const face = await api()
        .post('/api/v1/identity/face/start')
        .set(as(w.a))
        .send({ name: w.a.person.name, idNumber: w.a.person.idNumber })
        .expect(200);
      const verifyId = (face.body as { verifyId: string }).verifyId;
      const bPhoto = await uploadMaterial(stack, w.b.token, TINY_PNG);
      await stack.sandbox.faceCamera(verifyId, 'pass');
      const complaint = {
        kind: 'complaint',
        category: 'other',
        title: '别人的材料',
        content: '这条诉求引用了别人的照片或办件，应当被拒绝。',
        phone: w.b.person.phone,
      };

      // Act
      const withPhoto = await api()
        .post('/api/v1/complaints')
        .set(as(w.b))
        .set('Idempotency-Key', randomUUID())
        .send({ ...complaint, photos: [w.photoId] });
      const aboutCase = await api()
        .post('/api/v1/complaints')
        .set(as(w.b))
        .set('Idempotency-Key', randomUUID())
        .send({ ...complaint, photos: [], caseNo: w.openCase });
      const withLicence = await api()
        .post('/api/v1/applications')
        .set(as(w.b))
        .set('Idempotency-Key', randomUUID())
        .send({
          itemCode: w.item.code,
          formVersion: w.item.form.version,
          data: fillForm(w.item.form, w.b.person),
          materials: [
            ...(await requiredMaterials(stack, w.b.token, w.item.code)),
            { name: licence?.name ?? '', source: 'elicence', licenceId: licence?.licenceId ?? '' },
          ],
        });
      const withUpload = await api()
        .post(`/api/v1/applications/${w.openCase}/supplements`)
        .set(as(w.a))
        .send({
          explanation: '用了别人的上传',
          materials: [{ name: '居民户口簿', source: 'upload', materialId: bPhoto }],
        });
      const faceOfA = await api().post('/api/v1/identity/face/result').set(as(w.b)).send({ verifyId });
      const ownFace = await api().post('/api/v1/identity/face/result').set(as(w.a)).send({ verifyId });

      // Assert
      expect(licence).toBeDefined();
      expectErrorShape(withPhoto, 400, 'MATERIAL_NOT_FOUND');
      expectErrorShape(aboutCase, 404, 'CASE_NOT_FOUND');
      expectErrorShape(withLicence, 400, 'MATERIAL_NOT_FOUND');
      expectErrorShape(withUpload, 400, 'MATERIAL_NOT_FOUND');
      expectErrorShape(faceOfA, 400, 'FACE_CHECK_EXPIRED');
      expect(ownFace.status).toBe(200);
      expect((await stack.sandbox.approvalCases(w.b.person.idNumber)).length).toBe(bCasesBefore);
      const bIdentity = (await api().get('/api/v1/identity').set(as(w.b)).expect(200)).body as { nameMasked?: string };
      expect(bIdentity.nameMasked).toBe(maskName(w.b.person.name));
    });

    it("when B replays A's Idempotency-Key with the same body, then B gets a new object of B's own, never A's", async () => {
      // Arrange
      const key = randomUUID();
      const body = {
        kind: 'suggestion',
        category: 'online-service',
        title: '希望增加夜间办理',
        content: '建议出入境大厅周末开放更长时间，方便上班族办理。',
        photos: [],
        phone: '13800000000',
      };
      const mine = (
        await api().post('/api/v1/complaints').set(as(w.a)).set('Idempotency-Key', key).send(body).expect(201)
      ).body as ComplaintDetail;

      // Act
      const theirs = await api().post('/api/v1/complaints').set(as(w.b)).set('Idempotency-Key', key).send(body);

      // Assert
      expect(theirs.status).toBe(201);
      expect((theirs.body as ComplaintDetail).id).not.toBe(mine.id);
      expect((await api().get(`/api/v1/complaints/${mine.id}`).set(as(w.b))).status).toBe(404);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API2:2023 Broken Authentication', () => {
    const me = (token: string) => api().get('/api/v1/me').set(bearer(token));
    const nowSeconds = () => Math.floor(stack.clock.now().getTime() / 1000);
    const claimsFor = (citizen: Citizen) => ({
      ...claimsOf(citizen.token),
      iat: nowSeconds(),
      exp: nowSeconds() + 600,
    });

    it('when a token is signed with the server key and its claims are untouched, then it is accepted (the forger is right)', async () => {
      const token = forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a));

      const res = await me(token);

      expect(res.status).toBe(200);
      expect((res.body as { id: string }).id).toBe(w.a.userId);
    });

    it.each([
      ['alg "none", unsigned', () => unsignedToken(claimsFor(w.a))],
      ['RS256 with a key pair of the attacker', () => rs256Token(claimsFor(w.a))],
      [
        'the header switched to RS256 over an HS256 signature',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a), { headerAlg: 'RS256' }),
      ],
      [
        'HS512 with the server key',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a), { algorithm: 'HS512' }),
      ],
      [
        'another audience',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), aud: 'suijing-admin' }),
      ],
      [
        'another issuer',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), iss: 'someone-else' }),
      ],
      [
        'a type other than at+jwt',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a), { typ: 'JWT' }),
      ],
      [
        "B's user with A's session",
        () => forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), sub: w.b.userId }),
      ],
      ['the refresh token', () => w.a.refreshToken],
      [
        'a signature from another secret',
        () => forgeWithServerKey('a-guess-at-the-secret-that-is-long-enough', claimsFor(w.a)),
      ],
    ])('when the access token is %s, then 401 TOKEN_INVALID', async (_label, token) => {
      // Act
      const res = await me(token());

      // Assert
      expectErrorShape(res, 401, 'TOKEN_INVALID');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('when a correctly signed token has expired, then 401 TOKEN_EXPIRED; without an expiry, 401 TOKEN_INVALID', async () => {
      const { exp: _exp, ...noExpiry } = claimsFor(w.a);
      const expired = forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), exp: nowSeconds() - 1 });
      const endless = forgeWithServerKey(stack.config.auth.jwtSecret, noExpiry);

      const [old, forever] = [await me(expired), await me(endless)];

      expectErrorShape(old, 401, 'TOKEN_EXPIRED');
      expectErrorShape(forever, 401, 'TOKEN_INVALID');
    });

    it('when the access token is sent as a refresh token, in the URL, as Basic or as a cookie, then it is refused and not logged', async () => {
      const asRefresh = await api().post('/api/v1/auth/refresh').send({ refreshToken: w.a.token });
      const inQuery = await api().get('/api/v1/me').query({ access_token: w.a.token });
      const basic = await api().get('/api/v1/me').set('Authorization', `Basic ${w.a.token}`);
      const cookie = await api().get('/api/v1/me').set('Cookie', `token=${w.a.token}`);

      // Too long to be a refresh token (400) or not one (401): refused either way.
      expect([400, 401]).toContain(asRefresh.status);
      expectErrorShape(asRefresh, asRefresh.status);
      for (const res of [inQuery, basic, cookie]) expectErrorShape(res, 401, 'UNAUTHENTICATED');
      // A token a client put in the URL does not reach the access log either.
      expect(stack.logs.join('')).not.toContain(w.a.token);
    });

    it('when a citizen logs out, then the access and refresh tokens of that session are dead, even re-signed', async () => {
      // Arrange
      const tokens = await loginBySms(stack);
      await me(tokens.accessToken).expect(200);

      // Act
      await api().post('/api/v1/auth/logout').set(bearer(tokens.accessToken)).expect(204);
      const access = await me(tokens.accessToken);
      const refresh = await api().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken });
      const resigned = await me(
        forgeWithServerKey(stack.config.auth.jwtSecret, {
          ...claimsOf(tokens.accessToken),
          iat: nowSeconds(),
          exp: nowSeconds() + 600,
        }),
      );

      // Assert
      expectErrorShape(access, 401, 'SESSION_REVOKED');
      expectErrorShape(refresh, 401, 'REFRESH_INVALID');
      expectErrorShape(resigned, 401, 'SESSION_REVOKED');
    });

    it('when a WeChat login code is replayed, then the second login is refused', async () => {
      const code = await stack.sandbox.wechatCode(`owasp-${randomUUID()}`);
      const login = () =>
        api()
          .post('/api/v1/auth/wechat')
          .send({ code, client: { platform: 'weapp' } });

      const first = await login();
      const replay = await login();

      expect(first.status).toBe(200);
      expectErrorShape(replay, 400, 'WECHAT_CODE_INVALID');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API3:2023 Broken Object Property Level Authorization', () => {
    /** Answers meant to show A's own numbers in full, and why. */
    const SHOWN_IN_FULL: Record<string, string> = {
      'GET /api/v1/drafts/{itemCode}':
        'a draft is the form as A typed it (their own ID number and phone), given back to go on typing',
    };

    it('when A tours every GET route, then no full ID number, phone, openid, session key or secret is in any answer', async () => {
      // Act
      const { answers, unknown } = await tourOfReads();

      // Assert
      expect(unknown).toEqual([]);
      expect(answers.filter((a) => a.res.status !== 200).map((a) => `${a.key} -> ${a.res.status}`)).toEqual([]);
      const leaks = answers.flatMap(({ key, res }) => {
        // Where A's own numbers are meant to show, only A's own may: anyone else's is still a leak.
        const text =
          key in SHOWN_IN_FULL
            ? res.text.replaceAll(w.a.person.idNumber, '').replaceAll(w.a.person.phone, '').replaceAll(w.a.phone, '')
            : res.text;
        const found = [];
        if (text.includes(w.a.person.idNumber) || ID_NUMBER.test(text)) found.push(`${key}: an ID number`);
        if (text.includes(w.a.phone) || text.includes(w.a.person.phone) || MOBILE.test(text))
          found.push(`${key}: a phone`);
        const secretKeys = [...keysOf(res.body)].filter((k) => SECRET_WORDS.test(k));
        if (secretKeys.length > 0) found.push(`${key}: ${secretKeys.join(', ')}`);
        return found;
      });
      expect(leaks).toEqual([]);
      expect(Object.keys(SHOWN_IN_FULL).filter((key) => !answers.some((a) => a.key === key))).toEqual([]);
    });

    it('when a citizen logs in by WeChat or SMS, then the answer has tokens and a masked phone, never the openid or session key', async () => {
      // Arrange
      const openid = `owasp-openid-${randomUUID()}`;
      const phone = uniquePhone();

      // Act
      const wechat = await loginByWechat(stack, openid);
      const sms = await loginBySms(stack, phone);

      // Assert
      for (const answer of [wechat, sms]) {
        const text = JSON.stringify(answer);
        expect(text).not.toContain(openid);
        expect(text).not.toMatch(SECRET_WORDS);
        expect(Object.keys(answer).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
      }
      expect(JSON.stringify(sms)).not.toContain(phone);
      expect(sms.user.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    });

    /** Bodies read tolerantly on purpose, and why. */
    const TOLERANT_BODIES: Record<string, string> = {
      'POST /api/v1/hooks/approval':
        "the approval system's own signed event: fields it adds later must not break us; the BFF maps the fields it knows one by one",
    };

    it('when the request bodies of /openapi.json are read, then every object in them is closed (additionalProperties: false)', () => {
      // Arrange
      const open: string[] = [];
      const visit = (schema: SchemaObject | undefined, where: string, seen: Set<SchemaObject>): void => {
        if (!schema) return;
        const resolved = resolveSchema(doc, schema);
        if (seen.has(resolved)) return;
        seen.add(resolved);
        if (resolved.properties) {
          if (resolved.additionalProperties !== false) open.push(where);
          for (const [name, property] of Object.entries(resolved.properties)) visit(property, `${where}.${name}`, seen);
        }
        if (typeof resolved.additionalProperties === 'object')
          visit(resolved.additionalProperties, `${where}[*]`, seen);
        visit(resolved.items, `${where}[]`, seen);
        for (const branch of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])]) {
          visit(branch, where, seen);
        }
      };

      // Act
      const withBodies = operations.filter((op) => op.body && !(operationKey(op) in TOLERANT_BODIES));
      for (const op of withBodies) visit(op.body, operationKey(op), new Set());

      // Assert
      expect(withBodies.length).toBeGreaterThan(15);
      expect(open).toEqual([]);
    });

    it('when an unverified user claims to be verified in the body (fields or __proto__), then 400 and still unverified', async () => {
      // Arrange: a name that does not match the ID number, so nothing but the extra fields could verify.
      const { accessToken } = await loginBySms(stack);
      const claim = { name: '错误姓名', idNumber: w.b.person.idNumber };

      // Act
      const fields = await api()
        .post('/api/v1/identity/verify')
        .set(bearer(accessToken))
        .send({ ...claim, verified: true, realNameStatus: 'verified', userId: w.a.userId, realName: w.a.person.name });
      const proto = await api()
        .post('/api/v1/identity/verify')
        .set(bearer(accessToken))
        .set('content-type', 'application/json')
        .send(
          `{"name":"错误姓名","idNumber":"${w.b.person.idNumber}","__proto__":{"realNameStatus":"verified","matched":true}}`,
        );
      const status = await api().get('/api/v1/me').set(bearer(accessToken)).expect(200);
      const someoneElse = await api()
        .get('/api/v1/me')
        .set(bearer((await loginBySms(stack)).accessToken))
        .expect(200);

      // Assert
      expectErrorShape(fields, 400, 'VALIDATION_FAILED');
      expect(errorOf(fields).message).toContain('verified');
      expect(proto.status).toBe(400);
      expect((status.body as { realNameStatus: string }).realNameStatus).toBe('unverified');
      expect((someoneElse.body as { realNameStatus: string }).realNameStatus).toBe('unverified');
      expect(({} as Record<string, unknown>)['realNameStatus']).toBeUndefined();
    });

    it.each([
      [
        'PUT /drafts/{code} with userId and revision',
        () =>
          api()
            .put(`/api/v1/drafts/${w.item.code}`)
            .set(as(w.b))
            .send({ data: {}, formVersion: w.item.form.version, userId: w.a.userId, revision: 99 }),
      ],
      [
        'POST /appointments with status and greenChannel',
        () =>
          api().post('/api/v1/appointments').set(as(w.b)).set('Idempotency-Key', randomUUID()).send({
            hallId: w.hallId,
            business: w.business,
            date: w.day,
            slotId: w.freeSlotId,
            phone: w.b.phone,
            status: 'checked-in',
            greenChannel: true,
          }),
      ],
      [
        'POST /complaints with stage, userId and sfzmhm',
        () =>
          api().post('/api/v1/complaints').set(as(w.b)).set('Idempotency-Key', randomUUID()).send({
            kind: 'complaint',
            category: 'other',
            title: '批量赋值尝试',
            content: '这是一条带有多余字段的诉求内容。',
            photos: [],
            phone: w.b.person.phone,
            stage: 'handled',
            userId: w.a.userId,
            sfzmhm: w.a.person.idNumber,
          }),
      ],
      [
        'POST /applications with a material carrying userId',
        async () =>
          api()
            .post('/api/v1/applications')
            .set(as(w.b))
            .set('Idempotency-Key', randomUUID())
            .send({
              itemCode: w.item.code,
              formVersion: w.item.form.version,
              data: fillForm(w.item.form, w.b.person),
              materials: (await requiredMaterials(stack, w.b.token, w.item.code)).map((m) => ({
                ...m,
                userId: w.a.userId,
              })),
            }),
      ],
      [
        'POST /auth/sms/login with userId',
        () => api().post('/api/v1/auth/sms/login').send({ phone: w.a.phone, code: '123456', userId: w.a.userId }),
      ],
      ['GET /applications?userId=', () => api().get('/api/v1/applications').query({ userId: w.a.userId }).set(as(w.b))],
    ])(
      'when a valid request carries extra fields (%s), then 400 names them and nothing is created',
      async (_label, send) => {
        // Arrange
        const before = {
          drafts: ((await api().get('/api/v1/drafts').set(as(w.b)).expect(200)).body as { drafts: unknown[] }).drafts
            .length,
          appointments: (
            (await api().get('/api/v1/appointments').set(as(w.b)).expect(200)).body as { items: unknown[] }
          ).items.length,
          complaints: ((await api().get('/api/v1/complaints').set(as(w.b)).expect(200)).body as { items: unknown[] })
            .items.length,
          cases: (await stack.sandbox.approvalCases(w.b.person.idNumber)).length,
        };

        // Act
        const res = await send();

        // Assert
        expectErrorShape(res, 400, 'VALIDATION_FAILED');
        expect(errorOf(res).message).toContain('不支持的字段');
        expect({
          drafts: ((await api().get('/api/v1/drafts').set(as(w.b)).expect(200)).body as { drafts: unknown[] }).drafts
            .length,
          appointments: (
            (await api().get('/api/v1/appointments').set(as(w.b)).expect(200)).body as { items: unknown[] }
          ).items.length,
          complaints: ((await api().get('/api/v1/complaints').set(as(w.b)).expect(200)).body as { items: unknown[] })
            .items.length,
          cases: (await stack.sandbox.approvalCases(w.b.person.idNumber)).length,
        }).toEqual(before);
      },
    );
  });

  // ---------------------------------------------------------------------------------------------
  describe('API4:2023 Unrestricted Resource Consumption', () => {
    it('when a JSON body is over 64 kB, then 413 BODY_TOO_LARGE with the error shape, logged in or not', async () => {
      const pad = 'x'.repeat(70 * 1024);

      const anonymous = await api().post('/api/v1/auth/sms/send').send({ phone: '13800000000', pad });
      const loggedIn = await api()
        .put(`/api/v1/drafts/${w.item.code}`)
        .set(as(w.b))
        .send({ data: { pad }, formVersion: w.item.form.version });

      expectErrorShape(anonymous, 413, 'BODY_TOO_LARGE');
      expectErrorShape(loggedIn, 413, 'BODY_TOO_LARGE');
    });

    it.each([
      ['/api/v1/items', { pageSize: 51 }, 'pageSize'],
      ['/api/v1/items', { page: 1001 }, 'page'],
      ['/api/v1/items', { q: '身'.repeat(41) }, 'q'],
      ['/api/v1/stations', { pageSize: 51 }, 'pageSize'],
      ['/api/v1/applications', { pageSize: 51 }, 'pageSize'],
    ])('when %s is asked for %j, then 400 names %s', async (path, query, field) => {
      const res = await api().get(path).query(query).set(as(w.a));

      expectErrorShape(res, 400, 'VALIDATION_FAILED');
      expect(errorOf(res).fields?.map((f) => f.path)).toContain(field);
    });

    it('when the largest page is asked for, then at most 50 items come back', async () => {
      const items = (await api().get('/api/v1/items').query({ pageSize: 50 }).expect(200)).body as ItemListResponse;
      const stations = (await api().get('/api/v1/stations').query({ pageSize: 50 }).expect(200)).body as {
        items: unknown[];
      };

      expect(items.items.length).toBeLessThanOrEqual(50);
      expect(items.items.length).toBeGreaterThan(0);
      expect(stations.items).toHaveLength(50);
    });

    it('when a material is over 10 MB, two files come at once, or an array is too long, then 413 or 400 with the error shape', async () => {
      // Arrange
      const big = Buffer.concat([TINY_PNG, Buffer.alloc(10 * 1024 * 1024, 0)]);

      // Act
      const tooBig = await api().post('/api/v1/materials').set(as(w.b)).attach('file', big, 'big.png');
      const two = await api()
        .post('/api/v1/materials')
        .set(as(w.b))
        .attach('file', TINY_PNG, 'a.png')
        .attach('file', TINY_PNG, 'b.png');
      const manyPhotos = await api()
        .post('/api/v1/complaints')
        .set(as(w.b))
        .set('Idempotency-Key', randomUUID())
        .send({
          kind: 'complaint',
          category: 'other',
          title: '照片太多了',
          content: '这条诉求带了七张照片，超过上限。',
          photos: Array.from({ length: 7 }, (_, i) => `photo-${i}`),
          phone: w.b.person.phone,
        });

      // Assert
      expectErrorShape(tooBig, 413, 'BODY_TOO_LARGE');
      expectErrorShape(two, 400, 'VALIDATION_FAILED');
      expectErrorShape(manyPhotos, 400, 'VALIDATION_FAILED');
    });

    it('when codes are asked for too often (per phone, per address), then 429 with the error shape and when to retry', async () => {
      // Arrange
      const phone = uniquePhone();
      const address = '192.0.2.77';
      await sendCode(stack, phone).expect(200);

      // Act
      const again = await sendCode(stack, phone);
      const fromOneAddress = [];
      for (let i = 0; i < 31; i += 1) {
        fromOneAddress.push(
          await api().post('/api/v1/auth/sms/send').set('X-Forwarded-For', address).send({ phone: uniquePhone() }),
        );
      }

      // Assert
      expectErrorShape(again, 429, 'SMS_TOO_FREQUENT');
      expectRetryAfter(again, 60);
      expect(errorOf(again).message).toMatch(/\d+ 秒/);
      expect(fromOneAddress.slice(0, 30).every((res) => res.status === 200)).toBe(true);
      expectErrorShape(fromOneAddress[30] as Response, 429, 'RATE_LIMITED');
      expectRetryAfter(fromOneAddress[30] as Response, 3600);
    });

    it('when an officer device verifies e-licences too fast, then 429 after 120 a minute', async () => {
      const address = '192.0.2.78';
      const answers = [];

      for (let i = 0; i < 121; i += 1) {
        answers.push(
          await api()
            .post('/api/v1/verify/e-licence')
            .set('X-Forwarded-For', address)
            .send({ payload: `SJDL1.x${i}` }),
        );
      }

      expect(answers.slice(0, 120).every((res) => res.status === 200)).toBe(true);
      expectErrorShape(answers[120] as Response, 429, 'RATE_LIMITED');
      expectRetryAfter(answers[120] as Response, 60);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API5:2023 Broken Function Level Authorization', () => {
    const PLACEHOLDER: Record<string, string> = {
      caseNo: '2026010144010000000001',
      packageCaseNo: 'YJS20260101ABCDEF0123',
      itemCode: '11440100MB2D13150T1000',
      code: '11440100MB2D13150T1000',
      id: 'A1b2C3d4E5f6G7h8J9k0Lm',
    };
    const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_all, name: string) => PLACEHOLDER[name] ?? 'x');
    const call = (method: string, url: string) => {
      const agent = api();
      switch (method) {
        case 'get':
          return agent.get(url);
        case 'post':
          return agent.post(url);
        case 'put':
          return agent.put(url);
        case 'delete':
          return agent.delete(url);
        default:
          return agent.patch(url);
      }
    };

    it('when any operation that needs a login is called without a token, then 401 UNAUTHENTICATED', async () => {
      // Arrange
      const guarded = operations.filter((op) => op.auth);

      // Act
      const answers = [];
      for (const op of guarded)
        answers.push({ key: operationKey(op), res: await call(op.method, fill(op.path)).send({}) });

      // Assert
      expect(guarded.length).toBeGreaterThan(40);
      expect(answers.filter((a) => a.res.status !== 401).map((a) => `${a.key} -> ${a.res.status}`)).toEqual([]);
      for (const { res } of answers) expectErrorShape(res, 401, 'UNAUTHENTICATED');
    });

    it('when an unverified citizen calls a real-name-only read, then 403 REAL_NAME_REQUIRED on every one of them', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      const realNameOnly = operations.filter((op) => op.method === 'get' && op.auth && op.statuses.includes(403));

      // Act
      const answers = [];
      for (const op of realNameOnly) {
        answers.push({ key: operationKey(op), res: await api().get(fill(op.path)).set(bearer(accessToken)) });
      }

      // Assert: a read of one object may first find no such object of theirs (404), which shows nothing either.
      expect(realNameOnly.length).toBeGreaterThan(8);
      const wrong = answers.filter((a) => a.res.status !== 403 && !(a.res.status === 404 && a.key.includes('{')));
      expect(wrong.map((a) => `${a.key} -> ${a.res.status}`)).toEqual([]);
      for (const { res } of answers)
        expectErrorShape(res, res.status, res.status === 403 ? 'REAL_NAME_REQUIRED' : undefined);
    });

    it.each([
      ['get', '/api/v1/admin'],
      ['get', '/api/v1/admin/users'],
      ['get', '/api/v1/users'],
      ['get', '/api/v1/users/{id}'],
      ['post', '/api/v1/users/{id}/verify'],
      ['get', '/api/v1/sandbox/faults'],
      ['put', '/api/v1/sandbox/faults/traffic'],
      ['post', '/api/v1/sandbox/approval/cases/{caseNo}/actions'],
      ['get', '/api/v1/debug'],
      ['get', '/api/v1/metrics'],
      ['get', '/api/v1/internal/sessions'],
    ])(
      'when %s %s (an admin, sandbox or internal function) is called, then 404 ROUTE_NOT_FOUND',
      async (method, path) => {
        const res = await call(method, fill(path).replace('{id}', w.a.userId)).set(as(w.a));

        expectErrorShape(res, 404, 'ROUTE_NOT_FOUND');
      },
    );

    it.each(['/sandbox/faults', '/sandbox/stats', '/sandbox/seed/citizens', '/admin', '/metrics', '/.env'])(
      'when %s is asked of the BFF, then 404 (the sandbox and operations tools are not part of it)',
      async (path) => {
        const res = await api().get(path);

        expect(res.status).toBe(404);
      },
    );

    it('when a method a route does not declare is used, then 405 and the object is unchanged', async () => {
      const before = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;

      const del = await api().delete(`/api/v1/applications/${w.openCase}`).set(as(w.a));
      const put = await api().put('/api/v1/me').set(as(w.a)).send({ realNameStatus: 'verified' });
      const patch = await api()
        .patch(`/api/v1/appointments/${w.appointmentId}`)
        .set(as(w.a))
        .send({ status: 'checked-in' });

      for (const res of [del, put, patch]) expectErrorShape(res, 405, 'METHOD_NOT_ALLOWED');
      expect(del.headers['allow']).toBe('HEAD, GET');
      expect(put.headers['allow']).toBe('HEAD, GET');
      const after = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      expect(after.status).toBe(before.status);
    });

    it('when the approval webhook is called without a valid signature, then 401 and no case or message changes', async () => {
      // Arrange: an event that would approve A's open case.
      const event = JSON.stringify({
        sjbh: `forged-${randomUUID()}`,
        sjsj: '20260101120000',
        bjbh: w.openCase,
        sfzmhm: w.a.person.idNumber,
        zt: '05',
        hjmc: '办结',
      });
      const messagesBefore = ((await api().get('/api/v1/messages').set(as(w.a)).expect(200)).body as MessageList).items
        .length;
      const caseBefore = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      const now = Math.floor(Date.now() / 1000);

      // Act
      const answers = [
        await api().post('/api/v1/hooks/approval').set('content-type', 'application/json').send(event),
        await api().post('/api/v1/hooks/approval').set(as(w.a)).set('content-type', 'application/json').send(event),
        await postApprovalEvent(stack, event, { signature: 'f'.repeat(64) }),
        await postApprovalEvent(stack, event, { secret: 'not-the-secret' }),
        await postApprovalEvent(stack, event, { timestamp: now - 3600 }),
        await postApprovalEvent(stack, event, { timestamp: now + 3600 }),
        await postApprovalEvent(stack, event, { signedBody: '{}' }),
      ];

      // Assert
      for (const res of answers) expectErrorShape(res, 401, 'WEBHOOK_SIGNATURE_INVALID');
      expect(((await api().get('/api/v1/messages').set(as(w.a)).expect(200)).body as MessageList).items.length).toBe(
        messagesBefore,
      );
      const caseAfter = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      expect(caseAfter.status).toBe(caseBefore.status);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API6:2023 Unrestricted Access to Sensitive Business Flows', () => {
    it('when an SMS code is guessed five times, then even the right code is refused (429 SMS_CODE_LOCKED)', async () => {
      // Arrange
      const phone = uniquePhone();
      await sendCode(stack, phone).expect(200);
      const code = await stack.sandbox.latestSmsCode(phone);
      const wrong = code === '000000' ? '111111' : '000000';
      const login = (c: string) => api().post('/api/v1/auth/sms/login').send({ phone, code: c });

      // Act
      const guesses = [];
      for (let i = 0; i < 5; i += 1) guesses.push(await login(wrong));
      const right = await login(code);

      // Assert
      expect(guesses.slice(0, 4).map((g) => errorOf(g).code)).toEqual(Array(4).fill('SMS_CODE_INVALID'));
      expect(errorOf(guesses[4] as Response).code).toBe('SMS_CODE_LOCKED');
      expectErrorShape(right, 429, 'SMS_CODE_LOCKED');
    });

    it('when ID numbers are tried for real-name verification, then after five a day even the right one is refused', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      const verify = (name: string) =>
        api().post('/api/v1/identity/verify').set(bearer(accessToken)).send({ name, idNumber: w.b.person.idNumber });

      // Act
      const tries = [];
      for (let i = 0; i < 5; i += 1) tries.push(await verify('错误姓名'));
      const right = await verify(w.b.person.name);

      // Assert
      expect(tries.map((t) => errorOf(t).code)).toEqual(Array(5).fill('IDENTITY_MISMATCH'));
      expectErrorShape(right, 429, 'IDENTITY_TOO_MANY_TRIES');
      expectRetryAfter(right, 86_400);
    });

    it('when a case number is known and the last six ID digits are guessed, then after five guesses it is locked', async () => {
      const lookup = (idLast6: string, i: number) =>
        api()
          .post('/api/v1/progress/lookup')
          .set('X-Forwarded-For', `203.0.113.${i + 1}`)
          .send({ caseNo: w.ratedCase, idLast6 });

      const guesses = [];
      for (let i = 0; i < 5; i += 1) guesses.push(await lookup(`00000${i}`, i));
      const right = await lookup(w.a.person.idNumber.slice(-6), 9);

      expect(guesses.map((g) => g.status)).toEqual([404, 404, 404, 404, 404]);
      expectErrorShape(right, 429, 'RATE_LIMITED');
      expectRetryAfter(right, 3600);
    });

    it('when A books the same business again, then 409 APPOINTMENT_DUPLICATE: one active booking per business', async () => {
      const res = await api()
        .post('/api/v1/appointments')
        .set(as(w.a))
        .set('Idempotency-Key', randomUUID())
        .send({ hallId: w.hallId, business: w.business, date: w.day, slotId: w.freeSlotId, phone: w.a.phone });

      expectErrorShape(res, 409, 'APPOINTMENT_DUPLICATE');
    });

    it('when a finished case is rated again, then 409 ALREADY_RATED: one rating per case', async () => {
      const res = await api()
        .post(`/api/v1/applications/${w.ratedCase}/rating`)
        .set(as(w.a))
        .send({ ...GOOD_RATING, level: 1, comment: '改成差评试试看' });

      expectErrorShape(res, 409, 'ALREADY_RATED');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API7:2023 Server Side Request Forgery', () => {
    it('when URLs of a local listener are sent in every field and header a URL could hide in, then the listener gets zero requests', async () => {
      // Arrange
      const canary = await startCanary();
      const url = (where: string) => `${canary.url}/${where}`;
      const textField = w.item.form.sections
        .flatMap((section) => section.fields)
        .find((f) => f.type === 'text' || f.type === 'textarea');
      const complaint = {
        kind: 'suggestion',
        category: 'online-service',
        title: '请看这个链接',
        content: `详情请见 ${url('content')} 以及 file:///etc/passwd`,
        phone: w.b.person.phone,
      };
      const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><image href="${url('svg')}"/></svg>`);

      // Act
      const answers = [
        await api()
          .put(`/api/v1/drafts/${w.item.code}`)
          .set(as(w.b))
          .send({ data: { [textField?.key ?? 'x']: url('draft') }, formVersion: w.item.form.version }),
        await api()
          .put(`/api/v1/drafts/${w.item.code}`)
          .set(as(w.b))
          .send({ data: {}, formVersion: w.item.form.version, avatarUrl: url('avatar') }),
        await api()
          .post('/api/v1/auth/sms/send')
          .send({ phone: uniquePhone(), callback: url('callback') }),
        await api()
          .post('/api/v1/auth/wechat')
          .send({ code: url('wechat'), client: { platform: 'weapp', avatarUrl: url('client') } }),
        await api()
          .post('/api/v1/complaints')
          .set(as(w.b))
          .set('Idempotency-Key', randomUUID())
          .send({ ...complaint, photos: [url('photo')] }),
        await api()
          .post('/api/v1/complaints')
          .set(as(w.b))
          .set('Idempotency-Key', randomUUID())
          .send({ ...complaint, photos: [], url: url('url') }),
        await api()
          .post('/api/v1/applications')
          .set(as(w.b))
          .set('Idempotency-Key', randomUUID())
          .send({
            itemCode: w.item.code,
            formVersion: w.item.form.version,
            data: fillForm(w.item.form, w.b.person),
            materials: [
              { name: '居民身份证', source: 'url', url: url('material') },
              { name: '照片', source: 'upload', materialId: url('material-id') },
            ],
          }),
        await api()
          .post('/api/v1/identity/face/start')
          .set(as(w.b))
          .send({ name: w.b.person.name, idNumber: w.b.person.idNumber, redirectUrl: url('face') }),
        await api()
          .post('/api/v1/verify/e-licence')
          .send({ payload: url('e-licence') }),
        await api().post('/api/v1/materials').set(as(w.b)).attach('file', svg, 'photo.svg'),
        await api()
          .get('/api/v1/me')
          .set(as(w.b))
          .set('Host', canary.url.replace('http://', ''))
          .set('X-Forwarded-Host', canary.url.replace('http://', ''))
          .set('Referer', url('referer'))
          .set('Origin', canary.url),
        await postApprovalEvent(
          stack,
          JSON.stringify({
            sjbh: `ssrf-${randomUUID()}`,
            sjsj: '20260101120000',
            bjbh: w.openCase,
            sfzmhm: w.a.person.idNumber,
            zt: '02',
            hjmc: '受理',
            callbackUrl: url('webhook'),
            bj: { fjdz: url('attachment') },
          }),
        ),
      ];
      // Anything fetched in the background would have arrived by now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const fetchedByTheBff = [...canary.requests];
      await fetch(url('control'));
      await canary.close();

      // Assert
      expect(answers.every((res) => res.status < 500)).toBe(true);
      expect(fetchedByTheBff).toEqual([]);
      expect(canary.requests).toEqual(['GET /control']);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API8:2023 Security Misconfiguration', () => {
    function expectApiHeaders(res: Response, where: string): void {
      const h = res.headers;
      expect({ where, nosniff: h['x-content-type-options'] }).toEqual({ where, nosniff: 'nosniff' });
      expect({ where, frame: h['x-frame-options'] }).toEqual({ where, frame: 'DENY' });
      expect({ where, csp: h['content-security-policy'] }).toEqual({
        where,
        csp: "default-src 'none'; frame-ancestors 'none'",
      });
      expect({ where, hsts: h['strict-transport-security'] }).toEqual({
        where,
        hsts: expect.stringContaining('max-age='),
      });
      expect({ where, cache: h['cache-control'] }).toEqual({ where, cache: 'no-store' });
      expect({ where, poweredBy: h['x-powered-by'], server: h['server'] }).toEqual({ where });
    }

    it('when every read and a range of errors are answered, then each carries the security headers and no x-powered-by', async () => {
      // Arrange
      const { answers } = await tourOfReads();

      // Act
      const errors = [
        await api().get('/api/v1/me'),
        await api().get('/api/v1/nothing-here'),
        await api().delete('/api/v1/me').set(as(w.a)),
        await api().post('/api/v1/auth/sms/send').set('content-type', 'application/json').send('{"phone":'),
        await api()
          .post('/api/v1/auth/sms/send')
          .send({ phone: '1', pad: 'x'.repeat(70_000) }),
        await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.b)),
      ];
      const pages = [
        ...answers.filter(({ key }) => !key.includes(' /api/v1/')).map(({ res }) => res),
        await api().get('/openapi.json'),
      ];

      // Assert
      expect(answers.length).toBeGreaterThan(25);
      const apiAnswers = answers.filter(({ key }) => key.includes(' /api/v1/'));
      for (const { key, res } of [...apiAnswers, ...errors.map((res, i) => ({ key: `error ${i}`, res }))]) {
        expectApiHeaders(res, key);
      }
      for (const res of errors) expectErrorShape(res, res.status);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const res of pages) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it.each([
      ['an allowed origin', ALLOWED_ORIGIN, ALLOWED_ORIGIN],
      ['another origin', 'https://evil.example', undefined],
      ['the allowed host as a suffix of another', `${ALLOWED_ORIGIN}.evil.example`, undefined],
      ['the allowed host over http', ALLOWED_ORIGIN.replace('https:', 'http:'), undefined],
      ['the null origin (sandboxed frames, files)', 'null', undefined],
    ])('when %s asks for CORS, then Access-Control-Allow-Origin is %s', async (_label, origin, allowed) => {
      // Act
      const preflight = await api()
        .options('/api/v1/me')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization');
      const read = await api().get('/api/v1/me').set('Origin', origin).set(as(w.a));

      // Assert
      expect(preflight.headers['access-control-allow-origin']).toBe(allowed);
      expect(read.headers['access-control-allow-origin']).toBe(allowed);
      expect(read.headers['access-control-allow-credentials']).toBeUndefined();
      if (allowed) expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
    });

    it('when the BFF runs in production mode, then the docs UI is not served, /openapi.json is, and errors stay bare', async () => {
      // Arrange
      const production = await startTestStack({ NODE_ENV: 'production' });
      try {
        // Act
        const docs = await production.api().get('/docs');
        const init = await production.api().get('/docs/init.js');
        const asset = await production.api().get('/docs/assets/swagger-ui-bundle.js');
        const contract = await production.api().get('/openapi.json');
        const broken = await production
          .api()
          .post('/api/v1/auth/refresh')
          .set('content-type', 'application/json')
          .send('{"refreshToken":');
        const trace = await production.api().trace('/api/v1/me').set('X-Secret-Header', 'echo-me');

        // Assert
        for (const res of [docs, init, asset]) expect(res.status).toBe(404);
        expect(contract.status).toBe(200);
        expectErrorShape(broken, 400, 'VALIDATION_FAILED');
        expect(trace.status).toBeGreaterThanOrEqual(400);
        expect(trace.text).not.toContain('echo-me');
      } finally {
        await production.close();
      }
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API9:2023 Improper Inventory Management', () => {
    interface RouterLayer {
      path: string;
      methods: string[];
    }

    /** Every (method, path) the app's routers answer, read from the routers themselves. */
    function routedOperations(): string[] {
      const middleware = stack.app.middleware as unknown as Array<{ router?: { stack: RouterLayer[] } }>;
      const layers = middleware.flatMap((m) => m.router?.stack ?? []);
      return [
        ...new Set(
          layers.flatMap((layer) =>
            layer.methods
              .filter((method) => method !== 'HEAD')
              .map((method) => `${method} ${layer.path.replace(/:(\w+)/g, '{$1}')}`),
          ),
        ),
      ];
    }

    /** Routes served beside the documented API, and why they are not in it. */
    const UNDOCUMENTED: Record<string, string> = {
      'GET /openapi.json': 'the document itself',
      'GET /docs': 'the Swagger UI page, a view of the document (not served in production: see API8)',
      'GET /docs/init.js': 'the Swagger UI start script (not served in production)',
      'GET /docs/assets/{file}': 'the self-hosted Swagger UI files (not served in production)',
    };

    it("when the routers' own table is compared with /openapi.json, then they list the same operations", () => {
      // Arrange
      const documented = operations.map(operationKey);

      // Act
      const routed = routedOperations().filter((key) => !key.includes('{*rest}') && !(key in UNDOCUMENTED));

      // Assert
      expect(routed.length).toBeGreaterThan(50);
      expect(routed.filter((key) => !documented.includes(key))).toEqual([]);
      expect(documented.filter((key) => !routed.includes(key))).toEqual([]);
    });

    it('when every documented operation is called, then each is routed (never ROUTE_NOT_FOUND or 405)', async () => {
      // Act
      const answers = [];
      for (const op of operations) {
        const url = op.path.replace(/\{\w+\}/g, 'A1b2C3d4E5f6G7h8J9k0');
        const res = await api()[op.method](url).set('X-Forwarded-For', '192.0.2.99');
        answers.push({ key: operationKey(op), res });
      }

      // Assert
      const unrouted = answers.filter(
        ({ res }) => res.status === 405 || (res.body as Partial<ErrorBody>).error?.code === 'ROUTE_NOT_FOUND',
      );
      expect(unrouted.map((a) => a.key)).toEqual([]);
    });

    it('when the version is read, then every API path is under /api/v1 and no other or unversioned API answers', async () => {
      // Arrange
      const outside = Object.keys(doc.paths).filter((path) => !path.startsWith('/api/v1/'));

      // Act
      const others = await Promise.all(
        ['/api/v2/me', '/api/v0/me', '/api/me', '/v1/me', '/api/v1.1/me', '/api/latest/me'].map((path) =>
          api().get(path).set(as(w.a)),
        ),
      );

      // Assert
      expect(outside.sort()).toEqual(['/healthz', '/readyz']);
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.info.version).toMatch(/\S/);
      for (const res of others) expect(res.status).toBe(404);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('API10:2023 Unsafe Consumption of APIs', () => {
    type Json = Record<string, unknown>;
    const recordsOf = (answer: unknown): Json[] => (answer as { data?: { list?: Json[] } }).data?.list ?? [];
    const SCRIPT = '<script>alert(document.cookie)</script>';

    let hostile: TestStack;
    let proxy: TamperingProxy;
    let driver: Citizen;

    beforeAll(async () => {
      // The government systems reached through a man in the middle that can rewrite their answers.
      proxy = await startTamperingProxy();
      hostile = await startTestStack({
        GOV_API_BASE: proxy.url,
        TRAFFIC_FRESH_SECONDS: '0',
        TRAFFIC_REVALIDATE_SECONDS: '0',
      });
      proxy.target = hostile.sandbox.url;
      await hostile.sandbox.setTrafficLatency(0);
      const person = await hostile.sandbox.citizen('primary');
      const phone = uniquePhone();
      const tokens = await loginBySms(hostile, phone);
      await verifyIdentity(hostile, tokens.accessToken, person);
      driver = { token: tokens.accessToken, refreshToken: tokens.refreshToken, userId: tokens.user.id, phone, person };
    }, 60_000);
    afterEach(async () => {
      proxy.clear();
      await hostile.sandbox.clearFaults();
      // Past the minute the BFF keeps the hot board, so each test reads the platform again.
      hostile.clock.advance(61_000);
    });
    afterAll(async () => {
      await hostile.close();
      await proxy.close();
    });

    const hotBoard = () => hostile.api().get('/api/v1/hot-topics');

    it('when the feedback platform adds unknown fields and script tags to the hot board, then only the BFF’s own fields go out, as JSON no browser renders', async () => {
      // Arrange
      const clean = (await hotBoard().expect(200)).body as { items: Json[] };
      hostile.clock.advance(61_000);
      proxy.tamper('/feedback/v1/rdb', (answer) => {
        for (const record of recordsOf(answer)) {
          Object.assign(record, {
            bt: `${String(record['bt'])}${SCRIPT}`,
            isAdmin: true,
            sfzmhm: driver.person.idNumber,
            internal: { note: '内部批示', sjhm: driver.person.phone },
            zt: '<img src=x onerror=alert(1)>',
          });
        }
        return Object.assign(answer as Json, { debug: { sql: 'select * from rdb' } });
      });

      // Act
      const res = await hotBoard();

      // Assert
      expect(res.status).toBe(200);
      expect(proxy.rewritten).toContain('/feedback/v1/rdb');
      const items = (res.body as { items: Json[] }).items;
      expect([...keysOf(res.body)].sort()).toEqual([...keysOf(clean)].sort());
      expect(res.text).not.toContain(driver.person.idNumber);
      expect(res.text).not.toContain(driver.person.phone);
      expect(res.text).not.toContain('onerror');
      expect(items.every((item) => ['listed', 'monitored', 'delisted'].includes(String(item['status'])))).toBe(true);
      expect(String(items[0]?.['title'])).toContain(SCRIPT);
      expect(res.type).toBe('application/json');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    });

    it('when the feedback platform answers with the wrong types, then a clear 503 and nothing half-read', async () => {
      // Arrange
      proxy.tamper('/feedback/v1/rdb', (answer) => {
        for (const record of recordsOf(answer)) Object.assign(record, { bt: 12345, rd: { $gt: 0 }, cljg: ['x'] });
        return answer;
      });

      // Act
      const res = await hotBoard();

      // Assert
      expectErrorShape(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(errorOf(res).message).not.toMatch(/rdb|bt|JSON|HTTP|zod/i);
    });

    it('when the traffic system answers 20 MB, then the BFF refuses it (503) rather than pass it on', async () => {
      // Arrange
      proxy.tamper('/traffic/v1/veh', (answer) => {
        for (const record of recordsOf(answer)) record['clpp'] = '大'.repeat(7 * 1024 * 1024);
        return answer;
      });
      const started = Date.now();

      // Act
      const res = await hostile.api().get('/api/v1/vehicles').set(bearer(driver.token));

      // Assert
      expect(proxy.rewritten).toContain('/traffic/v1/veh');
      expectErrorShape(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(res.text.length).toBeLessThan(2000);
      expect(Date.now() - started).toBeLessThan(10_000);
    }, 30_000);

    it.each([
      ['hall', () => hostile.api().get(`/api/v1/halls/${w.hallId}/slots`).query({ business: w.business })],
      ['traffic', () => hostile.api().get('/api/v1/licence').set(bearer(driver.token))],
      ['feedback', () => hostile.api().get('/api/v1/hot-topics').query({ status: 'listed' })],
    ])('when the %s system answers a truncated body, then a clear 503 without its text', async (system, call) => {
      // Arrange
      await hostile.sandbox.setFault(system, { malformed: true });

      // Act
      const res = await call();

      // Assert
      expectErrorShape(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(errorOf(res).message).not.toMatch(/JSON|Unexpected|HTTP|position/);
    });

    it('when the approval system pushes events with wrong types, extra fields or script tags, then 400, never 5xx, and the case is unchanged', async () => {
      // Arrange
      const before = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      const base = { sjsj: '20260101120000', bjbh: w.openCase, sfzmhm: w.a.person.idNumber, hjmc: '受理' };
      const events = [
        { ...base, sjbh: `bad-${randomUUID()}`, zt: 5 },
        { ...base, sjbh: `bad-${randomUUID()}`, zt: '05', bj: 'not-an-object' },
        { ...base, sjbh: ['an', 'array'], zt: '05' },
        { ...base, sjbh: `bad-${randomUUID()}`, zt: { $ne: null } },
        { ...base, sjbh: `bad-${randomUUID()}`, zt: SCRIPT, hjmc: SCRIPT },
      ];

      // Act
      const answers = [];
      for (const event of events) answers.push(await postApprovalEvent(stack, JSON.stringify(event)));

      // Assert
      for (const res of answers) expect(res.status).toBeLessThan(500);
      expect(answers.filter((res) => res.status === 400)).toHaveLength(answers.length);
      const after = (await api().get(`/api/v1/applications/${w.openCase}`).set(as(w.a)).expect(200))
        .body as ApplicationDetail;
      expect(after.status).toBe(before.status);
      expect(JSON.stringify(after)).not.toContain('<script>');
    });
  });
});
