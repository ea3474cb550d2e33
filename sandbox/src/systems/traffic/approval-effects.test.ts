import { act, APPLICANT, filledForm, submitted } from '../../testing/approval';
import { newSandbox, type Agent } from '../../testing/fixtures';
import { trafficPerson, trafficPost, vehicleWhere } from '../../testing/traffic';
import { DOWNGRADE_ITEM_NAME, itemCodeNamed, RELEASE_ITEM_NAME } from './approval-effects';

const DOWNGRADE = itemCodeNamed(DOWNGRADE_ITEM_NAME);
const RELEASE = itemCodeNamed(RELEASE_ITEM_NAME);

async function decide(agent: Agent, bjbh: string, actions: readonly string[]): Promise<void> {
  for (const action of actions) {
    await act(agent, bjbh, action === 'reject' ? { action, yj: '不符合条件' } : { action }).expect(200);
  }
}

async function fileDowngrade(agent: Agent, jjcx: string) {
  const { licence } = await trafficPerson(agent, APPLICANT.idNumber);
  return submitted(agent, { sxbm: DOWNGRADE, bdsj: { ...filledForm(DOWNGRADE), dabh: licence?.dabh ?? '', jjcx } });
}

async function fileRelease(agent: Agent) {
  const car = await vehicleWhere(agent, APPLICANT.idNumber, (vehicle) => vehicle.dybj === '1');
  const record = await submitted(agent, {
    sxbm: RELEASE,
    bdsj: {
      ...filledForm(RELEASE),
      hphm: car.hphm,
      hpzl: car.hpzl,
      clsbdh: car.clsbdh.slice(-6),
      dyqr: car.mortgage?.dyqr ?? '',
      dyhtbh: car.mortgage?.dyhtbh ?? '',
    },
  });
  return { car, record };
}

describe('approval decisions change the 车驾管 records', () => {
  it('when a 自愿降级 case is approved through the console, then the licence’s zjcx becomes the target class', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await fileDowngrade(agent, 'B2-C1');
    await decide(agent, record.bjbh, ['accept', 'review']);
    const before = await trafficPerson(agent, APPLICANT.idNumber);

    // Act
    await decide(agent, record.bjbh, ['approve', 'deliver']);

    // Assert
    const after = await trafficPerson(agent, APPLICANT.idNumber);
    expect(before.licence?.zjcx).toBe('B2');
    expect(after.licence?.zjcx).toBe('C1');
    const check = await trafficPost(agent, 'jj/check', { sfzmhm: APPLICANT.idNumber, mbcx: 'B2-C1' });
    expect(check.body.code).toBe('5001');
  });

  it('when a 解除抵押 case is approved, then dybj becomes "0" and the release record is used up', async () => {
    // Arrange
    const agent = newSandbox();
    const { car, record } = await fileRelease(agent);
    await decide(agent, record.bjbh, ['accept', 'review']);

    // Act
    await decide(agent, record.bjbh, ['approve']);

    // Assert
    const after = (await trafficPerson(agent, APPLICANT.idNumber)).vehicles.find((vehicle) => vehicle.xh === car.xh);
    expect(after?.dybj).toBe('0');
    expect(after?.mortgage).toBeUndefined();
    const check = await trafficPost(agent, 'jcdy/check', { sfzmhm: APPLICANT.idNumber, xh: car.xh });
    expect(check.body.code).toBe('5101');
  });

  it('when such cases are rejected or still open, then the records stay as they were; reset restores approved changes', async () => {
    // Arrange
    const agent = newSandbox();
    const rejected = await fileDowngrade(agent, 'B2-C1');
    const { record: open } = await fileRelease(agent);
    const approved = await fileDowngrade(agent, 'B2-C1');

    // Act
    await decide(agent, rejected.bjbh, ['accept', 'reject']);
    await decide(agent, open.bjbh, ['accept', 'review']);
    const untouched = await trafficPerson(agent, APPLICANT.idNumber);
    await decide(agent, approved.bjbh, ['accept', 'review', 'approve']);
    const changed = await trafficPerson(agent, APPLICANT.idNumber);
    await agent.post('/sandbox/reset').expect(200);

    // Assert
    expect(untouched.licence?.zjcx).toBe('B2');
    expect(untouched.vehicles.filter((vehicle) => vehicle.dybj === '1')).toHaveLength(1);
    expect(changed.licence?.zjcx).toBe('C1');
    expect((await trafficPerson(agent, APPLICANT.idNumber)).licence?.zjcx).toBe('B2');
  });
});
