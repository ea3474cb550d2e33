import { DataUseListSchema } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { DataUseDocument } from './data-use.model';
import { DATA_USE_RETENTION_DAYS, DataUseService, toDataUseRecord } from './data-use.service';

const T0 = new Date('2026-11-28T03:00:00Z');

function record(overrides: Partial<DataUseDocument> = {}): DataUseDocument {
  return {
    _id: 'du_1',
    idHash: 'a'.repeat(64),
    userId: 'u1',
    sessionId: 's1',
    client: { platform: 'weapp', model: 'iPhone 15' },
    account: '139****0001',
    feature: 'vehicles',
    what: '查询名下机动车',
    at: T0,
    expiresAt: new Date(T0.getTime() + DATA_USE_RETENTION_DAYS * 86_400_000),
    ...overrides,
  };
}

/** The repository's contract, in memory: newest first, live records only. */
function memoryRepository() {
  const rows: DataUseDocument[] = [];
  return {
    rows,
    add: async (doc: DataUseDocument) => {
      rows.push(doc);
    },
    page: async (idHash: string, now: Date, page: number, pageSize: number) => {
      const live = rows
        .filter((r) => r.idHash === idHash && r.expiresAt > now)
        .sort((a, b) => b.at.getTime() - a.at.getTime());
      return { rows: live.slice((page - 1) * pageSize, page * pageSize), total: live.length };
    },
  };
}

describe('usage record (个人信息使用记录)', () => {
  it('when a record is shown, then it says what, when, which device and account, and whether it was this session', () => {
    // Act
    const mine = toDataUseRecord(record(), 's1');
    const other = toDataUseRecord(record({ client: { platform: 'h5', model: null } }), 's2');

    // Assert
    expect(mine).toEqual({
      id: 'du_1',
      at: T0.toISOString(),
      feature: 'vehicles',
      what: '查询名下机动车',
      device: { platform: 'weapp', model: 'iPhone 15' },
      account: '139****0001',
      thisSession: true,
    });
    expect(other).toMatchObject({ device: { platform: 'h5', model: null }, thisSession: false });
  });

  it('when a read is recorded, then it is kept 180 days and carries only the hash and the masked account', async () => {
    // Arrange
    const repository = memoryRepository();
    const clock: Clock = { now: () => T0 };
    const service = new DataUseService({ repository, clock });

    // Act
    await service.record(
      { idHash: 'h1', userId: 'u1', sessionId: 's1', client: { platform: 'weapp', model: null }, account: '微信用户' },
      { feature: 'licence', what: '查询驾驶证' },
    );

    // Assert
    const [stored] = repository.rows;
    expect(stored?.expiresAt.getTime()).toBe(T0.getTime() + 180 * 86_400_000);
    expect(stored).toMatchObject({ idHash: 'h1', account: '微信用户', feature: 'licence', at: T0 });
    expect(stored?._id).toMatch(/^du_[0-9a-z]{13}_[A-Za-z0-9_-]{8}$/);
  });

  it('when a session reads the same kind again within 5 minutes, then it is one use; later, or another kind, is another', async () => {
    // Arrange
    const repository = memoryRepository();
    let now = T0;
    const service = new DataUseService({ repository, clock: { now: () => now } });
    const reader = {
      idHash: 'h1',
      userId: 'u1',
      sessionId: 's1',
      client: { platform: 'h5', model: null },
      account: '139****0001',
    };
    const qr = { feature: 'e-licence-qr', what: '出示电子驾驶证' } as const;

    // Act: the card renews its QR every minute for five minutes, then once more after the window
    for (let minute = 0; minute < 5; minute += 1) {
      now = new Date(T0.getTime() + minute * 60_000);
      await service.record(reader, qr);
    }
    await service.record(reader, { feature: 'licence', what: '查询驾驶证信息' });
    now = new Date(T0.getTime() + 5 * 60_000 + 1);
    await service.record(reader, qr);
    await service.record({ ...reader, sessionId: 's2' }, qr);

    // Assert
    expect(repository.rows.map((r) => `${r.sessionId} ${r.feature} ${r.at.getTime() - T0.getTime()}`)).toEqual([
      's1 e-licence-qr 0',
      's1 licence 240000',
      's1 e-licence-qr 300001',
      's2 e-licence-qr 300001',
    ]);
  });

  it('when the person pages through their record, then it is newest first with the total and retention', async () => {
    // Arrange
    const repository = memoryRepository();
    let now = T0;
    const service = new DataUseService({ repository, clock: { now: () => now } });
    const reader = {
      idHash: 'h1',
      userId: 'u1',
      sessionId: 's1',
      client: { platform: 'h5', model: null },
      account: 'x',
    };
    for (const [feature, what] of [
      ['vehicles', '一'],
      ['licence', '二'],
      ['violations', '三'],
    ] as const) {
      await service.record(reader, { feature, what });
      now = new Date(now.getTime() + 1000);
    }
    await service.record({ ...reader, idHash: 'someone-else' }, { feature: 'licence', what: '他人' });

    // Act
    const first = await service.list('h1', 's1', { page: 1, pageSize: 2 });
    const second = await service.list('h1', 's1', { page: 2, pageSize: 2 });

    // Assert
    expect(DataUseListSchema.parse(first)).toEqual(first);
    expect(first.items.map((i) => i.what)).toEqual(['三', '二']);
    expect(second.items.map((i) => i.what)).toEqual(['一']);
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3, retentionDays: 180 });
  });

  it('when one session acts for two family members, then each gets a record of their own, and every act counts', async () => {
    // Arrange
    const repository = memoryRepository();
    const service = new DataUseService({ repository, clock: { now: () => T0 } });
    const actor = {
      userId: 'u1',
      sessionId: 's1',
      client: { platform: 'h5', model: null },
      account: '家人 张*（代办）',
    };

    // Act
    await service.record(
      { ...actor, idHash: 'son' },
      { feature: 'family', what: '代为申请：户籍证明' },
      { each: true },
    );
    await service.record({ ...actor, idHash: 'son' }, { feature: 'family', what: '代为预约' }, { each: true });
    await service.record({ ...actor, idHash: 'father' }, { feature: 'family', what: '查看了您的证照夹' });
    await service.record({ ...actor, idHash: 'father' }, { feature: 'family', what: '查看了您的证照夹' });

    // Assert
    const son = await service.list('son', 's-of-son', { page: 1, pageSize: 10 });
    const father = await service.list('father', 's-of-father', { page: 1, pageSize: 10 });
    expect(son.items.map((i) => [i.what, i.account, i.thisSession])).toEqual([
      ['代为申请：户籍证明', '家人 张*（代办）', false],
      ['代为预约', '家人 张*（代办）', false],
    ]);
    expect(father.total).toBe(1);
  });
});
