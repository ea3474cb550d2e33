import { newSandbox, type Agent } from '../../testing/fixtures';
import { act, submit, submission, submitted } from '../../testing/approval';
import { approvalItems } from './items';
import type { CaseRecord, DeliveryInfo } from './records';

/** 无犯罪记录证明开具: 电子证明, 邮寄 or 窗口领取, chosen when applying (sdfs "3,2,1"). */
const NO_CRIME = '1144010000750226542000414000001';
/** Its 出国（境）使用 variant: paper only (it is notarised abroad), sdfs "2,1". */
const NO_CRIME_ABROAD = '1144010000750226542000414000004';
const POST: DeliveryInfo = {
  sdfs: '2',
  sjr: '张三',
  lxdh: '13800138000',
  sf: '广东省',
  cs: '广州市',
  qx: '天河区',
  xxdz: '天河路100号201房',
};

async function decided(agent: Agent, overrides: Parameters<typeof submission>[0]): Promise<CaseRecord> {
  const record = await submitted(agent, overrides);
  for (const action of ['accept', 'review', 'approve']) await act(agent, record.bjbh, { action }).expect(200);
  return record;
}

describe('送达: how the result reaches the applicant', () => {
  it('when the 电子证明 was chosen, then delivery issues it with a number and 核验码, and says so without any EMS', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await decided(agent, { sxbm: NO_CRIME, sdxx: { sdfs: '3' } });

    // Act
    const delivered = (await act(agent, record.bjbh, { action: 'deliver' }).expect(200)).body as CaseRecord;

    // Assert
    expect(delivered.zt).toBe('07');
    expect(delivered.kdh).toBeUndefined();
    expect(delivered.sdxx).toEqual({ sdfs: '3' });
    expect(delivered.dzzm).toMatchObject({
      zmmc: '无犯罪记录证明',
      zmbh: expect.stringMatching(/^GZ\d{18}$/),
      hym: expect.stringMatching(/^[2-9A-HJ-NP-Z]{8}$/),
    });
    const last = delivered.lcjl.at(-1)?.yj ?? '';
    expect(last).toContain('电子证明');
    expect(last).toContain(delivered.dzzm?.zmbh ?? '?');
    expect(last).not.toMatch(/EMS|寄/);
  });

  it('when 邮寄 was chosen with an address, then delivery mails it by EMS to that region and keeps the address on the case', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await decided(agent, { sxbm: NO_CRIME, sdxx: POST });

    // Act
    const delivered = (await act(agent, record.bjbh, { action: 'deliver' }).expect(200)).body as CaseRecord;

    // Assert
    expect(delivered.sdxx).toEqual(POST);
    expect(delivered.kdh).toMatch(/^11\d{11}$/);
    expect(delivered.lcjl.at(-1)?.yj).toBe(`证件已通过EMS寄往广东省广州市天河区，快递单号${delivered.kdh ?? ''}`);
    expect(delivered.dzzm).toBeUndefined();
  });

  it('when nothing was chosen and the form asks no 邮寄, then the result waits at the hall: no EMS, and a kdh is refused', async () => {
    // Arrange: 往来港澳通行证 with its form's 领取方式 at 1 窗口领取
    const agent = newSandbox();
    const record = await decided(agent, {});
    const department = approvalItems().get(record.sxbm)?.ssjg ?? '?';

    // Act
    const withKdh = await act(agent, record.bjbh, { action: 'deliver', kdh: '1151234567890' });
    const delivered = (await act(agent, record.bjbh, { action: 'deliver' }).expect(200)).body as CaseRecord;

    // Assert
    expect(withKdh.status).toBe(400);
    expect(delivered.kdh).toBeUndefined();
    expect(delivered.lcjl.at(-1)?.yj).toBe(`办理结果已制作完成，请携带本人身份证到${department}领取`);
  });

  it.each([
    {
      what: 'a choice for an item that offers none',
      sxbm: undefined,
      sdxx: { sdfs: '3' },
      says: '不在申请时选择送达方式',
    },
    { what: 'a mode the item does not offer', sxbm: NO_CRIME_ABROAD, sdxx: { sdfs: '3' }, says: '不提供电子证明' },
    {
      what: '邮寄 without an address',
      sxbm: NO_CRIME,
      sdxx: { sdfs: '2', sjr: '张三', lxdh: '13800138000' },
      says: 'sdxx.sf',
    },
    { what: 'an unknown mode', sxbm: NO_CRIME, sdxx: { sdfs: '9' }, says: 'sdxx.sdfs' },
  ])('when a submission carries $what, then it answers 1002 and no case is opened', async ({ sxbm, sdxx, says }) => {
    // Arrange
    const agent = newSandbox();
    const body = { ...submission(sxbm === undefined ? {} : { sxbm }), sdxx };

    // Act
    const res = await submit(agent, body);

    // Assert
    expect(res.body.code).toBe('1002');
    expect(res.body.msg).toContain(says);
    expect((await agent.get('/sandbox/approval/cases').expect(200)).body.items).toEqual([]);
  });
});
