import type { RequestRecord } from './feedback.dialect';
import { toComplaintDetail } from './feedback.mapping';

function ticket(zt: string, steps: string[]): RequestRecord {
  return {
    sqbh: 'GZ12345202612010001',
    lx: 'ts',
    lb: 'window-service',
    bt: '窗口排队时间过长',
    nr: '排队超过两个小时',
    tp: [],
    zt,
    cjsj: '20261201100000',
    lc: steps.map((hj, index) => ({ hj, sj: `2026120110${String(index).padStart(2, '0')}00`, bm: '12345', nr: hj })),
  };
}

const states = (record: RequestRecord) =>
  toComplaintDetail(record).loop.map(({ stage, state, stateText }) => `${stage}:${state}:${stateText}`);

describe('a complaint in the 12345 loop', () => {
  it('when it was handled (已办结), then 办 is done, never 进行中, and 评 waits for the citizen', () => {
    // Arrange
    const handled = ticket('4', ['接', '答', '派', '办']);

    // Act
    const detail = toComplaintDetail(handled);

    // Assert
    expect(detail.stageText).toBe('已办结');
    expect(states(handled)).toEqual([
      'received:done:已完成',
      'answered:done:已完成',
      'dispatched:done:已完成',
      'handled:done:已完成',
      'rated:current:待评价',
    ]);
    expect(detail.canRate).toBe(true);
  });

  it('when it was only received or dispatched, then the stage reached is done and the next one is in progress', () => {
    // Arrange
    const received = ticket('1', ['接']);
    const dispatched = ticket('3', ['接', '答', '派']);

    // Act
    const [atReceived, atDispatched] = [states(received), states(dispatched)];

    // Assert
    expect(atReceived).toEqual([
      'received:done:已完成',
      'answered:current:进行中',
      'dispatched:pending:未开始',
      'handled:pending:未开始',
      'rated:pending:未开始',
    ]);
    expect(atDispatched.slice(2, 4)).toEqual(['dispatched:done:已完成', 'handled:current:进行中']);
  });

  it('when it was rated, then the loop is closed: every stage done', () => {
    // Arrange
    const rated = ticket('5', ['接', '答', '派', '办', '评']);

    // Act
    const loop = toComplaintDetail(rated).loop;

    // Assert
    expect(loop.every((step) => step.state === 'done')).toBe(true);
  });
});
