import { HandlingResponseSchema, ViolationRowSchema } from './traffic.dialect';
import { toHandlingDecision, toViolationRecord } from './traffic.mapping';

describe('traffic mapping: 违法处理', () => {
  it('when a decision is answered at 23:30 Beijing on 30 Nov, then the fine is in fen and the fine is due by 15 Dec (decision day + 15)', () => {
    // Arrange
    const answer = HandlingResponseSchema.parse({
      code: '0000',
      data: {
        jdsbh: '44011234567890123456',
        wfbh: '4401900000000001',
        fkje: '200',
        wfjf: '3',
        jdsj: '20261130233000',
        ljjf: '5',
      },
    });

    // Act
    const decision = answer.data ? toHandlingDecision(answer.data) : undefined;

    // Assert
    expect(decision).toEqual({
      ok: true,
      decisionNo: '44011234567890123456',
      fineFen: 20_000,
      points: 3,
      pointsAfter: 5,
      handledAt: new Date('2026-11-30T15:30:00Z'),
      dueDate: '2026-12-15',
    });
  });

  it('when a decision time is not a real time, then there is no decision (the client treats it as a broken answer)', () => {
    // Arrange
    const row = { jdsbh: '44011234567890123456', wfbh: 'x', fkje: 50.5, wfjf: 0, jdsj: '20261340250000', ljjf: 0 };

    // Act / Assert
    expect(toHandlingDecision(row)).toBeUndefined();
  });

  it('when a record carries a padded 决定书编号, then it is trimmed into decisionNo; an empty one is left out', () => {
    // Arrange
    const base = {
      wfbh: '4401900000000001',
      hphm: '粤A12345',
      hpzl: '02',
      wfsj: '2026-11-20 10:00:00',
      wfdz: '天河路',
      wfxw: '1352',
      wfms: '超速',
      fkje: '200',
      wfjf: '3',
      clbj: '1',
      jkbj: '0',
      cjjg: '440106000000',
    };

    // Act
    const handled = toViolationRecord(ViolationRowSchema.parse({ ...base, jdsbh: '44011234567890123456  ' }));
    const open = toViolationRecord(ViolationRowSchema.parse({ ...base, clbj: '0', jdsbh: '' }));

    // Assert
    expect(handled.decisionNo).toBe('44011234567890123456');
    expect(open).not.toHaveProperty('decisionNo');
  });
});
