import { allowedPreview, refusedPreview, toViolationDetail } from './violation-handling-view';
import type { ViolationDetailRecord } from '../../upstreams/traffic/traffic.types';

const record = (patch: Partial<ViolationDetailRecord> = {}): ViolationDetailRecord => ({
  id: '4401900000000001',
  plate: '粤A12345',
  plateKindCode: '02',
  time: '2026-11-20T10:00:00+08:00',
  place: '天河路',
  code: '1352',
  description: '超速',
  fine: 200,
  points: 3,
  handled: false,
  paid: false,
  authority: '天河大队',
  photoCount: 3,
  ...patch,
});

describe('违法处理 in words', () => {
  it.each([
    [{ handled: false, paid: false }, 'unhandled', '未处理'],
    [{ handled: true, paid: false, decisionNo: '44011234567890123456' }, 'unpaid', '已处理，待缴款'],
    [{ handled: true, paid: true, decisionNo: '44011234567890123456' }, 'paid', '已缴款'],
  ])('when the record is %j, then its state is %s (%s)', (patch, state, text) => {
    // Act
    const detail = toViolationDetail(record(patch), 'camera', 'opaque-id-0000000001', '/api/v1');

    // Assert
    expect(detail).toMatchObject({ id: 'opaque-id-0000000001', state, stateText: text, fineFen: 20_000 });
    expect(detail.plateMasked).not.toContain('12345');
    expect(detail.photos.map((p) => p.url)).toEqual([
      '/api/v1/violations/opaque-id-0000000001/photos/1',
      '/api/v1/violations/opaque-id-0000000001/photos/2',
      '/api/v1/violations/opaque-id-0000000001/photos/3',
    ]);
  });

  it('when handling is allowed, then the notes say the points before and after, the fine and the 15 days', () => {
    // Act
    const preview = allowedPreview({
      ok: true,
      pointsNow: 2,
      pointsAfter: 5,
      licenceStatusAfter: [{ code: 'A', text: '正常', severity: 'ok' }],
      fineFen: 20_000,
      points: 3,
    });

    // Assert
    expect(preview.allowed).toBe(true);
    const notes = preview.allowed ? preview.consequences.notes.join('\n') : '';
    expect(notes).toContain('由2分变为5分');
    expect(notes).toContain('罚款200.00元');
    expect(notes).toContain('15日内');
  });

  it.each([
    [
      'window-only',
      'vehicle-office',
      '须到车管所违法处理窗口处理：该违法行为一次记12分',
      '车管所违法处理窗口',
      '一次记12分',
    ],
    [
      'points-reach-12',
      'police',
      '处理后累积记分将达到12分，不能网上处理：现累积记分9分，本次记3分',
      '交警大队违法处理窗口',
      '现累积记分9分',
    ],
    [
      'licence-status',
      'police',
      '驾驶证状态异常，不能网上处理：当前状态为H违法未处理',
      '交警大队违法处理窗口',
      'H违法未处理',
    ],
  ] as const)(
    'when refused as %s, then the window (%s) is named with the system’s detail',
    (reason, window, message, name, detail) => {
      // Act
      const preview = refusedPreview({ ok: false, reason, message, window });

      // Assert
      expect(preview).toMatchObject({ allowed: false, reason, window: { kind: window, name } });
      expect(preview.allowed ? '' : preview.reasonText).toContain(detail);
      expect(preview.allowed ? '' : preview.whatToDo).toContain(name);
    },
  );
});
