import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type {
  Draft,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  SlotList,
  UploadedMaterial,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, sendCode, uniquePhone, verifyIdentity } from '../support/auth-helpers';
import { msUntilWeekdayAt } from '../support/beijing-time';
import { hallBusinessDay } from '../support/halls';
import { commandsDuring, describeCommands, monitoredUri, type CountedCommand } from '../support/command-counter';
import { fillForm, TINY_PNG } from '../support/forms';
import { serverKind } from '../support/server-kind';

/** The idempotency record's own commands, which the case submission's budget leaves aside. */
const IDEMPOTENCY_COLLECTION = 'idempotency_keys';

/** One measured route: its budget of MongoDB round trips per request and what it sent. */
interface Measured {
  route: string;
  budget: number;
  commands: CountedCommand[];
}

/**
 * MongoDB round trips per request, counted with the driver's command
 * monitoring. The counts carry over to a real replica set where FerretDB's
 * latency does not; `npm run bench` runs this file for its table
 * (ROUND_TRIPS_OUT names the file it gets the measurements in).
 */
describe('MongoDB round trips per route', () => {
  let stack: TestStack;
  const measured: Measured[] = [];

  beforeAll(async () => {
    const base = process.env['TEST_MONGODB_URI'] ?? '';
    const url = new URL(base);
    url.pathname = `/suijing_test_${randomBytes(6).toString('hex')}`;
    stack = await startTestStack({ MONGODB_URI: monitoredUri(url.toString()) });
    // A weekday morning, when halls take bookings.
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
  });
  afterAll(async () => {
    const out = process.env['ROUND_TRIPS_OUT'];
    if (out) {
      const rows = measured.map((m) => ({ route: m.route, budget: m.budget, measured: m.commands.length }));
      writeFileSync(out, JSON.stringify({ server: await serverKind(stack.connection), rows }, null, 2));
    }
    await stack.close();
  });

  const count = (work: () => Promise<unknown>) => commandsDuring(stack.connection, work);

  /** Records a route's count and holds it to its budget, naming the commands when over. */
  function expectWithin(route: string, budget: number, commands: CountedCommand[]) {
    measured.push({ route, budget, commands });
    const seen = { route, roundTrips: commands.length, sent: describeCommands(commands) };
    expect({ ...seen, withinBudget: commands.length <= budget }).toEqual({ ...seen, withinBudget: true });
  }

  /** The register's primary citizen, verified once (a person binds to one account) on a login of their own. */
  let verified:
    Promise<{ token: string; phone: string; person: { name: string; idNumber: string; phone: string } }> | undefined;
  function verifiedCitizen() {
    verified ??= (async () => {
      const person = await stack.sandbox.citizen('primary');
      const phone = uniquePhone();
      const { accessToken } = await loginBySms(stack, phone);
      await verifyIdentity(stack, accessToken, person);
      return { token: accessToken, phone, person };
    })();
    return verified;
  }

  /** An answered request first, so a count holds the route's own work and not the session check after a while. */
  const warm = (token: string) => stack.api().get('/api/v1/me').set(bearer(token)).expect(200);

  it('when a verified citizen asks /me again within the caches, then it makes no round trip', async () => {
    // Arrange: a person of their own (the shared verified citizen's token would expire when a later test moves the clock)
    const { accessToken } = await loginBySms(stack);
    await verifyIdentity(stack, accessToken, await stack.sandbox.citizen('secondary'));
    await warm(accessToken);

    // Act
    const commands = await count(() => stack.api().get('/api/v1/me').set(bearer(accessToken)).expect(200));

    // Assert
    expectWithin('warm `GET /api/v1/me`', 0, commands);
  });

  it('when a citizen not yet verified asks /me again, then it reads the account once (a verification elsewhere shows at once)', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);
    await warm(accessToken);

    // Act
    const commands = await count(() => stack.api().get('/api/v1/me').set(bearer(accessToken)).expect(200));

    // Assert
    expectWithin('`GET /api/v1/me` of an account without a real name', 1, commands);
  });

  /** The commands one SMS login sends, a fresh code for `phone` sent first (not counted). */
  async function smsLoginCommands(phone: string): Promise<CountedCommand[]> {
    await sendCode(stack, phone).expect(200);
    const code = await stack.sandbox.latestSmsCode(phone);
    return count(() =>
      stack
        .api()
        .post('/api/v1/auth/sms/login')
        .send({ phone, code, client: { platform: 'h5' } })
        .expect(200),
    );
  }

  /**
   * Five, not the four once hoped for: the code's read, one insert taking a try
   * and its single use (unique inserts: FerretDB makes no conditional update
   * happen once), the login key, the user (the upsert's answer, not read
   * again) and the session.
   */
  it('when a new citizen logs in by SMS, then it takes at most 5 round trips', async () => {
    // Arrange
    const phone = uniquePhone();

    // Act
    const commands = await smsLoginCommands(phone);

    // Assert
    expectWithin('`POST /api/v1/auth/sms/login` (a new citizen)', 5, commands);
  });

  it('when a returning citizen logs in by SMS, then it takes at most 4 round trips', async () => {
    // Arrange: an account made by a first login; a new code a minute later (one per phone per minute)
    const phone = uniquePhone();
    await loginBySms(stack, phone);
    await stack.advanceTime(61_000);

    // Act
    const commands = await smsLoginCommands(phone);

    // Assert
    expectWithin('`POST /api/v1/auth/sms/login` (a returning citizen)', 4, commands);
  });

  it('when a refresh token is rotated right after login, then it takes at most 2 round trips', async () => {
    // Arrange
    const tokens = await loginBySms(stack);

    // Act
    const commands = await count(() =>
      stack.api().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200),
    );

    // Assert
    expectWithin('`POST /api/v1/auth/refresh` (the account still cached from login)', 2, commands);
  });

  /** The usual refresh, once the access token has run out: the account is read again for the answer. */
  it('when a refresh token is rotated after the access token expired, then it takes at most 3 round trips', async () => {
    // Arrange
    const tokens = await loginBySms(stack);
    await stack.advanceTime(16 * 60_000);

    // Act
    const commands = await count(() =>
      stack.api().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(200),
    );

    // Assert
    expectWithin('`POST /api/v1/auth/refresh` (16 minutes after login, nothing cached)', 3, commands);
  });

  it('when a draft is saved, first and again, then each save takes one round trip', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);
    const found = (await stack.api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    const code = found.items[0]?.code ?? '';
    const guide = ((await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse).item;
    const save = () =>
      stack
        .api()
        .put(`/api/v1/drafts/${code}`)
        .set(bearer(accessToken))
        .send({ data: {}, formVersion: guide.form.version })
        .expect(200);

    // Act
    await warm(accessToken);
    let firstRevision = 0;
    let againRevision = 0;
    const first = await count(async () => {
      firstRevision = ((await save()).body as Draft).revision;
    });
    const again = await count(async () => {
      againRevision = ((await save()).body as Draft).revision;
    });

    // Assert
    expectWithin('`PUT /api/v1/drafts/:code` (a new draft)', 1, first);
    expectWithin('`PUT /api/v1/drafts/:code` (a saved draft again)', 1, again);
    expect([firstRevision, againRevision]).toEqual([1, 2]);
  });

  it('when a case is submitted, then it takes at most 5 round trips besides its idempotency record', async () => {
    // Arrange
    const { token, person } = await verifiedCitizen();
    const found = (await stack.api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    const code = found.items[0]?.code ?? '';
    const guide: ItemGuide = ((await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse)
      .item;
    const materials = [];
    for (const material of guide.materials.filter((m) => m.necessity === 'required')) {
      const uploaded = (
        await stack.api().post('/api/v1/materials').set(bearer(token)).attach('file', TINY_PNG, 'photo.png').expect(201)
      ).body as UploadedMaterial;
      materials.push({ name: material.name, source: 'upload' as const, materialId: uploaded.materialId });
    }
    const body = {
      itemCode: guide.code,
      formVersion: guide.form.version,
      data: fillForm(guide.form, person),
      materials,
    };

    // Act
    await warm(token);
    const commands = await count(() =>
      stack
        .api()
        .post('/api/v1/applications')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send(body)
        .expect(201),
    );

    // Assert
    const own = commands.filter((c) => c.collection !== IDEMPOTENCY_COLLECTION);
    expectWithin('`POST /api/v1/applications` (besides the idempotency record)', 5, own);
  });

  it('when a hall place is booked, then it takes at most 3 round trips', async () => {
    // Arrange: a place on the next open day
    const { token, phone } = await verifiedCitizen();
    const { hallId, business, day: date } = await hallBusinessDay(stack, { hall: 0, day: 1 });
    const slots = (await stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date }).expect(200))
      .body as SlotList;
    const slot = slots.items.find((s) => s.available);

    // Act
    await warm(token);
    const commands = await count(() =>
      stack
        .api()
        .post('/api/v1/appointments')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send({ hallId, business, date, slotId: slot?.id, phone })
        .expect(201),
    );

    // Assert
    expectWithin('`POST /api/v1/appointments`', 3, commands);
  });

  it('when the vehicle list is asked again within its cache, then it makes no round trip', async () => {
    // Arrange
    const { token } = await verifiedCitizen();
    await stack.api().get('/api/v1/vehicles').set(bearer(token)).expect(200);

    // Act
    const commands = await count(() => stack.api().get('/api/v1/vehicles').set(bearer(token)).expect(200));

    // Assert
    expectWithin('warm `GET /api/v1/vehicles`', 0, commands);
  });
});
