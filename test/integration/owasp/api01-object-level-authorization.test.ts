import { randomUUID } from 'node:crypto';
import type {
  IdentityCheckStart,
  IdentityStatus,
  Appointment,
  ApplicationDetail,
  ApplicationList,
  ComplaintDetail,
  Draft,
  FamilyAuthorisationList,
  FamilyInvitationList,
  FamilyList,
  FamilyMember,
  Favorite,
  FineDue,
  MessageList,
  PaymentOrder,
  Rating,
  SessionList,
  Ticket,
  VehicleAnswer,
  ViolationAnswer,
  Wallet,
  WalletItem,
  WalletShareCreated,
  WalletShareList,
} from '@suijing/shared';
import { maskName } from '@suijing/shared/masking';
import type { Response } from 'supertest';
import { passInPerson, requiredMaterials, uploadMaterial } from '../../support/auth-helpers';
import { TINY_PNG } from '../../support/forms';
import { operationKey } from '../../support/openapi';
import { expectErrorShape } from '../../support/owasp/checks';
import {
  applyFor,
  buildWorld,
  GOOD_RATING,
  owaspSuite,
  verifiedCitizen,
  type Citizen,
} from '../../support/owasp/world';

/**
 * OWASP API Security Top 10 (2023), API1: B, the intruder, at every id-taking route of the served
 * /openapi.json with the ids of A's objects (a route added later is covered, or the suite says it is not).
 */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, operations, w, api, as } = owaspSuite(buildWorld);

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
    const violationView = async () => {
      const { violation } = (await api().get(`/api/v1/violations/${w.violationId}`).set(as(w.a)).expect(200))
        .body as ViolationAnswer;
      const file = await stack.sandbox.trafficFile(w.a.person.idNumber);
      return { state: violation.state, decisionNo: violation.decisionNo, points: file.licence?.ljjf };
    };
    const appointmentView = async () => {
      const { id, status, from, date } = (
        await api().get(`/api/v1/appointments/${w.appointmentId}`).set(as(w.a)).expect(200)
      ).body as Appointment;
      return { id, status, from, date };
    };
    const paymentOrderView = async () => {
      const { state, amountFen, thing } = (
        await api().get(`/api/v1/payments/orders/${w.paymentOrderId}`).set(as(w.a)).expect(200)
      ).body as PaymentOrder;
      return { state, amountFen, reference: thing.reference };
    };
    const fineView = async () => {
      const { state, totalFen } = (await api().get(`/api/v1/payments/fines/${w.decisionNo}`).set(as(w.a)).expect(200))
        .body as FineDue;
      return { state, totalFen };
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
    const addressView = async () =>
      (await api().get(`/api/v1/addresses/${w.addressId}`).set(as(w.a)).expect(200)).body as unknown;
    const memberCasesView = async () => {
      const { total, items } = (await api().get(`/api/v1/family/members/${w.memberId}/cases`).set(as(w.a)).expect(200))
        .body as ApplicationList;
      return { total, cases: items.map((c) => c.caseNo) };
    };
    const byB = () => as(w.b);

    /**
     * A's wallet: its first item (the identity credential), and a 出示 link of it made once, on the 实人 check
     * of the set-up (still within five minutes: another check would spend one of A's three tries a day).
     */
    const walletOfA = async () => (await api().get('/api/v1/wallet').set(as(w.a)).expect(200)).body as Wallet;
    const itemOfA = async () => (await walletOfA()).items[0]?.id ?? '';
    let aShare: string | undefined;
    const shareOfA = async () => {
      if (aShare) return aShare;
      const made = await api()
        .post('/api/v1/wallet/shares')
        .set(as(w.a))
        .set('Idempotency-Key', randomUUID())
        .send({ itemId: await itemOfA(), fields: ['verified'], minutes: 30, purpose: '入职' })
        .expect(201);
      aShare = (made.body as WalletShareCreated).shareId;
      return aShare;
    };
    const shareView = async () => {
      const id = await shareOfA();
      const { items } = (await api().get('/api/v1/wallet/shares').set(as(w.a)).expect(200)).body as WalletShareList;
      const found = items.find((s) => s.shareId === id);
      return { state: found?.state, uses: found?.uses.length };
    };
    const memberWalletView = async () => {
      const wallet = (await api().get(`/api/v1/family/members/${w.memberId}/wallet`).set(as(w.a)).expect(200))
        .body as Wallet;
      return wallet.items.map((item) => [item.kind, item.status]);
    };

    /** A route needing a fresh in-person check: passed again only when the session's is no longer fresh. */
    const fresh = async (citizen: Citizen, call: () => Promise<Response>): Promise<Response> => {
      const first = await call();
      if (first.status !== 403 || (first.body as { error?: { code?: string } }).error?.code !== 'ASSURANCE_REQUIRED') {
        return first;
      }
      await passInPerson(stack, citizen.token);
      return call();
    };
    const memberView = async () =>
      ((await api().get('/api/v1/family').set(as(w.a)).expect(200)).body as FamilyList).members.find(
        (m) => m.memberId === w.memberId,
      );
    /** Links naming A as the member: the elder's invitation, still open, and the young's, which A accepted. */
    let aLinks: { invitationId: string; authorisationId: string } | undefined;
    const linksOfA = async () => {
      if (aLinks) return aLinks;
      const inviteA = async (role: string) => {
        const actor = await verifiedCitizen(stack, role);
        const res = await api()
          .post('/api/v1/family/adults')
          .set(as(actor))
          .set('Idempotency-Key', randomUUID())
          .send({ name: w.a.person.name, idNumber: w.a.person.idNumber, relation: 'other', method: 'account' })
          .expect(201);
        return (res.body as FamilyMember).memberId;
      };
      const [invitationId, authorisationId] = [await inviteA('elder'), await inviteA('young')];
      const accepted = await fresh(w.a, () =>
        api().post(`/api/v1/family/invitations/${authorisationId}/accept`).set(as(w.a)),
      );
      expect(accepted.status).toBe(204);
      aLinks = { invitationId, authorisationId };
      return aLinks;
    };
    const invitationsView = async () => {
      await linksOfA();
      const { items } = (await api().get('/api/v1/family/invitations').set(as(w.a)).expect(200))
        .body as FamilyInvitationList;
      return items.map((i) => i.invitationId);
    };
    const authorisationsView = async () => {
      await linksOfA();
      const { items } = (await api().get('/api/v1/family/authorisations').set(as(w.a)).expect(200))
        .body as FamilyAuthorisationList;
      return items.map((i) => i.authorisationId);
    };

    /** A's 网证 check, started once and confirmed at the platform, for B to try to complete. */
    let aCheck: string | undefined;
    const checkOfA = async () => {
      if (aCheck) return aCheck;
      const started = await api().post('/api/v1/identity/checks').set(as(w.a)).send({ channel: 'ctid' }).expect(200);
      const check = started.body as IdentityCheckStart;
      await stack.sandbox.ctidDecide(check.ctid?.authUrl ?? '', 'pass');
      aCheck = check.checkId;
      return aCheck;
    };

    const CASES: Record<string, BolaCase> = {
      'POST /api/v1/identity/checks/{checkId}/complete': {
        attack: async () =>
          api()
            .post(`/api/v1/identity/checks/${await checkOfA()}/complete`)
            .set(byB()),
        expected: { status: 404, code: 'FACE_CHECK_NOT_FOUND' },
        ownerView: async () => {
          await checkOfA();
          const status = (await api().get('/api/v1/identity').set(as(w.a)).expect(200)).body as IdentityStatus;
          return { identity: status.idNumberMasked, inPerson: status.inPerson };
        },
      },
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
      'GET /api/v1/violations/{id}': {
        attack: async () => api().get(`/api/v1/violations/${w.violationId}`).set(byB()),
        expected: { status: 404, code: 'VIOLATION_NOT_FOUND' },
        ownerView: violationView,
      },
      'GET /api/v1/violations/{id}/photos/{n}': {
        attack: async () => api().get(`/api/v1/violations/${w.violationId}/photos/1`).set(byB()),
        expected: { status: 404, code: 'VIOLATION_NOT_FOUND' },
        ownerView: violationView,
      },
      'GET /api/v1/violations/{id}/handling': {
        attack: async () => api().get(`/api/v1/violations/${w.violationId}/handling`).set(byB()),
        expected: { status: 404, code: 'VIOLATION_NOT_FOUND' },
        ownerView: violationView,
      },
      'POST /api/v1/violations/{id}/handling': {
        attack: async () =>
          api().post(`/api/v1/violations/${w.violationId}/handling`).set(byB()).set('Idempotency-Key', randomUUID()),
        expected: { status: 404, code: 'VIOLATION_NOT_FOUND' },
        ownerView: violationView,
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
      'POST /api/v1/family/members/{memberId}/confirm': {
        attack: async () =>
          api().post(`/api/v1/family/members/${w.memberId}/confirm`).set(byB()).send({ code: '123456' }),
        expected: { status: 404, code: 'FAMILY_MEMBER_NOT_FOUND' },
        ownerView: memberView,
      },
      'DELETE /api/v1/family/members/{memberId}': {
        attack: async () => api().delete(`/api/v1/family/members/${w.memberId}`).set(byB()),
        expected: { status: 404, code: 'FAMILY_MEMBER_NOT_FOUND' },
        ownerView: memberView,
      },
      // Invitations and authorisations are A's as the member: B, not the member, cannot answer or end them.
      'POST /api/v1/family/invitations/{invitationId}/accept': {
        attack: async () => {
          const { invitationId } = await linksOfA();
          return fresh(w.b, () => api().post(`/api/v1/family/invitations/${invitationId}/accept`).set(byB()));
        },
        expected: { status: 404, code: 'FAMILY_INVITATION_NOT_FOUND' },
        ownerView: invitationsView,
      },
      'POST /api/v1/family/invitations/{invitationId}/decline': {
        attack: async () =>
          api()
            .post(`/api/v1/family/invitations/${(await linksOfA()).invitationId}/decline`)
            .set(byB()),
        expected: { status: 404, code: 'FAMILY_INVITATION_NOT_FOUND' },
        ownerView: invitationsView,
      },
      'POST /api/v1/family/authorisations/{authorisationId}/withdraw': {
        attack: async () =>
          api()
            .post(`/api/v1/family/authorisations/${(await linksOfA()).authorisationId}/withdraw`)
            .set(byB()),
        expected: { status: 404, code: 'FAMILY_MEMBER_NOT_FOUND' },
        ownerView: authorisationsView,
      },
      'GET /api/v1/family/members/{memberId}/cases': {
        attack: async () => api().get(`/api/v1/family/members/${w.memberId}/cases`).set(byB()),
        expected: { status: 404, code: 'FAMILY_MEMBER_NOT_FOUND' },
        ownerView: memberCasesView,
      },
      'GET /api/v1/family/members/{memberId}/wallet': {
        attack: async () => api().get(`/api/v1/family/members/${w.memberId}/wallet`).set(byB()),
        expected: { status: 404, code: 'FAMILY_MEMBER_NOT_FOUND' },
        ownerView: memberWalletView,
      },
      'GET /api/v1/wallet/items/{itemId}': {
        attack: async () =>
          api()
            .get(`/api/v1/wallet/items/${await itemOfA()}`)
            .set(byB()),
        expected: { status: 404, code: 'WALLET_ITEM_NOT_FOUND' },
        ownerView: async () => {
          const { kind, status, numberMasked } = (
            await api()
              .get(`/api/v1/wallet/items/${await itemOfA()}`)
              .set(as(w.a))
              .expect(200)
          ).body as WalletItem;
          return { kind, status, numberMasked };
        },
      },
      'DELETE /api/v1/wallet/shares/{shareId}': {
        attack: async () =>
          api()
            .delete(`/api/v1/wallet/shares/${await shareOfA()}`)
            .set(byB()),
        expected: { status: 404, code: 'SHARE_NOT_FOUND' },
        ownerView: shareView,
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
      'GET /api/v1/addresses/{id}': {
        attack: async () => api().get(`/api/v1/addresses/${w.addressId}`).set(byB()),
        expected: { status: 404, code: 'ADDRESS_NOT_FOUND' },
        ownerView: addressView,
      },
      'PUT /api/v1/addresses/{id}': {
        attack: async () =>
          api()
            .put(`/api/v1/addresses/${w.addressId}`)
            .set(byB())
            .send({ recipient: '乙某某', districtCode: '440305', detail: '深南大道1号1001房' }),
        expected: { status: 404, code: 'ADDRESS_NOT_FOUND' },
        ownerView: addressView,
      },
      'DELETE /api/v1/addresses/{id}': {
        attack: async () => api().delete(`/api/v1/addresses/${w.addressId}`).set(byB()),
        expected: { status: 404, code: 'ADDRESS_NOT_FOUND' },
        ownerView: addressView,
      },
      'GET /api/v1/payments/orders/{id}': {
        attack: async () => api().get(`/api/v1/payments/orders/${w.paymentOrderId}`).set(byB()),
        expected: { status: 404, code: 'PAYMENT_ORDER_NOT_FOUND' },
        ownerView: paymentOrderView,
      },
      'GET /api/v1/payments/orders/{id}/receipt': {
        attack: async () => api().get(`/api/v1/payments/orders/${w.paymentOrderId}/receipt`).set(byB()),
        expected: { status: 404, code: 'PAYMENT_ORDER_NOT_FOUND' },
        ownerView: paymentOrderView,
      },
      'GET /api/v1/payments/fines/{decisionNo}': {
        attack: async () => api().get(`/api/v1/payments/fines/${w.decisionNo}`).set(byB()),
        expected: { status: 404, code: 'FINE_NOT_FOUND' },
        ownerView: fineView,
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
        memberId: w.memberId,
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
      const face = (await api().post('/api/v1/identity/checks').set(as(w.a)).send({ channel: 'ctid' }).expect(200))
        .body as IdentityCheckStart;
      const bPhoto = await uploadMaterial(stack, w.b.token, TINY_PNG);
      await stack.sandbox.ctidDecide(face.ctid?.authUrl ?? '', 'pass');
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
      const withLicence = await applyFor(stack, w.b, w.item, [
        ...(await requiredMaterials(stack, w.b.token, w.item.code)),
        { name: licence?.name ?? '', source: 'elicence', licenceId: licence?.licenceId ?? '' },
      ]);
      const withUpload = await api()
        .post(`/api/v1/applications/${w.openCase}/supplements`)
        .set(as(w.a))
        .send({
          explanation: '用了别人的上传',
          materials: [{ name: '居民户口簿', source: 'upload', materialId: bPhoto }],
        });
      const faceOfA = await api().post(`/api/v1/identity/checks/${face.checkId}/complete`).set(as(w.b));
      const ownFace = await api().post(`/api/v1/identity/checks/${face.checkId}/complete`).set(as(w.a));

      // Assert
      expect(licence).toBeDefined();
      expectErrorShape(withPhoto, 400, 'MATERIAL_NOT_FOUND');
      expectErrorShape(aboutCase, 404, 'CASE_NOT_FOUND');
      expectErrorShape(withLicence, 400, 'MATERIAL_NOT_FOUND');
      expectErrorShape(withUpload, 400, 'MATERIAL_NOT_FOUND');
      expectErrorShape(faceOfA, 404, 'FACE_CHECK_NOT_FOUND');
      expect(ownFace.status).toBe(200);
      expect((await stack.sandbox.approvalCases(w.b.person.idNumber)).length).toBe(bCasesBefore);
      const bIdentity = (await api().get('/api/v1/identity').set(as(w.b)).expect(200)).body as { nameMasked?: string };
      expect(bIdentity.nameMasked).toBe(maskName(w.b.person.name));
    });

    it("when B names A's family member in a filing, a draft or a booking, then 404 FAMILY_MEMBER_NOT_FOUND and nothing is made", async () => {
      // Arrange
      const bCasesBefore = (await stack.sandbox.approvalCases(w.b.person.idNumber)).length;
      const bBookingsBefore = (await api().get('/api/v1/appointments').set(byB()).expect(200)).body as {
        items: unknown[];
      };
      const draft = { data: {}, formVersion: w.item.form.version };

      // Act
      const filed = await api().post('/api/v1/applications').set(byB()).set('Idempotency-Key', randomUUID()).send({
        itemCode: w.item.code,
        formVersion: w.item.form.version,
        data: {},
        materials: [],
        memberId: w.memberId,
      });
      const saved = await api()
        .put(`/api/v1/drafts/${w.item.code}`)
        .query({ memberId: w.memberId })
        .set(byB())
        .send(draft);
      const read = await api().get(`/api/v1/drafts/${w.item.code}`).query({ memberId: w.memberId }).set(byB());
      const booked = await api()
        .post('/api/v1/appointments')
        .set(byB())
        .set('Idempotency-Key', randomUUID())
        .send({ hallId: w.hallId, business: w.business, date: w.day, slotId: w.freeSlotId, memberId: w.memberId });

      // Assert
      expectErrorShape(filed, 404, 'FAMILY_MEMBER_NOT_FOUND');
      expectErrorShape(saved, 404, 'FAMILY_MEMBER_NOT_FOUND');
      expectErrorShape(read, 404, 'DRAFT_NOT_FOUND');
      expectErrorShape(booked, 404, 'FAMILY_MEMBER_NOT_FOUND');
      expect((await stack.sandbox.approvalCases(w.b.person.idNumber)).length).toBe(bCasesBefore);
      const bBookingsAfter = (await api().get('/api/v1/appointments').set(byB()).expect(200)).body as {
        items: unknown[];
      };
      expect(bBookingsAfter.items).toHaveLength(bBookingsBefore.items.length);
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
});
