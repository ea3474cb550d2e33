import { seedCitizen } from '../../seed/citizens';
import { newSandbox, TEST_GOV_APP_KEY, type Agent } from '../../testing/fixtures';
import { REGISTER, licences } from '../../testing/identity';
import { submission, submit } from '../../testing/approval';
import {
  approve,
  daysFromToday,
  formFor,
  itemNamed,
  itemOf,
  residenceFile,
  setResidence,
  subjectOf,
  today,
} from '../../testing/residence';
import { addYears } from '../identity/licences';
import type { RegisteredPerson } from '../../seed/population';
import type { CaseSubject } from './records';

const newcomer = seedCitizen('newcomer');
const primary = seedCitizen('primary');
const applicantOf = (person: typeof newcomer) => ({ xm: person.name, sfzmhm: person.idNumber, sjhm: person.phone });

/** A case of a residence item filed by `by` (for `dsr`, if given) with the form filled for the subject. */
function fileCase(agent: Agent, sxbm: string, by: typeof newcomer, dsr?: CaseSubject, form: object = {}) {
  const subject: Pick<RegisteredPerson, 'name' | 'idNumber' | 'gender' | 'birthDate'> = dsr
    ? (REGISTER.find(dsr.sfzmhm) ?? newcomer)
    : by;
  return submit(
    agent,
    submission({
      sxbm,
      sqr: applicantOf(by),
      ...(dsr ? { dsr } : {}),
      bdsj: { ...formFor(sxbm, subject), ...form },
    }),
  ).expect(200);
}

describe('居住证申领 at the approval system', () => {
  it('when the newcomer’s registration is 150 days old, then 4021 says from which day she may apply', async () => {
    // Arrange
    const agent = newSandbox();
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: daysFromToday(-150) }).expect(200);

    // Act
    const res = await fileCase(agent, itemOf('apply'), newcomer);

    // Assert
    expect(res.body.code).toBe('4021');
    expect(res.body.msg).toContain('居住登记满6个月后方可申领');
  });

  it('when the newcomer (registered 200 days ago, as seeded) applies and it is approved, then the permit exists from the decision day for three years', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const filed = await fileCase(agent, itemOf('apply'), newcomer);
    await approve(agent, filed.body.data.bjbh as string);
    const file = await residenceFile(agent, newcomer.idNumber);
    const list = (await licences(agent, newcomer.idNumber)).body.data.list as { zzlxdm: string; zzbh: string }[];

    // Assert
    expect(filed.body.code).toBe('0000');
    expect(file.jzz).toEqual({
      jzzh: newcomer.idNumber,
      qfjg: '广州市公安局天河区分局',
      qfrq: today(),
      yxqz: addYears(today(), 3),
      zt: '1',
      qzjl: [],
    });
    expect(list.filter((licence) => licence.zzlxdm === 'JZZ')).toEqual([
      expect.objectContaining({ zzbh: newcomer.idNumber, fzrq: today() }),
    ]);
  });

  it('when the approved case is delivered (07) a day later, then the permit stays the one issued at 05', async () => {
    // Arrange
    const agent = newSandbox();
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: daysFromToday(-215) }).expect(200);
    const filed = await fileCase(agent, itemOf('apply'), newcomer);
    await approve(agent, filed.body.data.bjbh as string);

    // Act
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 24 * 3600 * 1000 })
      .expect(200);
    await agent
      .post(`/sandbox/approval/cases/${filed.body.data.bjbh as string}/actions`)
      .send({ action: 'deliver' })
      .expect(200);

    // Assert
    expect((await residenceFile(agent, newcomer.idNumber)).jzz?.qfrq).toBe(today());
  });

  it('when a Guangzhou citizen applies, then 4021 says the hukou is local', async () => {
    const res = await fileCase(newSandbox(), itemOf('apply'), primary);

    expect(res.body).toMatchObject({ code: '4021', msg: expect.stringContaining('户籍在广州市') });
  });

  it('when 投靠亲属 is given as the basis, then 4021 asks for a job, a home or study', async () => {
    const agent = newSandbox();
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: daysFromToday(-215) }).expect(200);

    const res = await fileCase(agent, itemOf('apply'), newcomer, undefined, { jzsy: '4' });

    expect(res.body).toMatchObject({ code: '4021', msg: expect.stringContaining('合法稳定就业') });
  });

  it('when someone files for the newcomer, then her file is checked, not the applicant’s, and the permit becomes hers', async () => {
    // Arrange
    const agent = newSandbox();
    const dsr = subjectOf(newcomer, 'QS');
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: daysFromToday(-150) }).expect(200);
    const early = await fileCase(agent, itemOf('apply'), primary, dsr);
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: daysFromToday(-215) }).expect(200);

    // Act
    const filed = await fileCase(agent, itemOf('apply'), primary, dsr);
    await approve(agent, filed.body.data.bjbh as string);

    // Assert
    expect(early.body.msg).toContain('居住登记满6个月');
    expect(filed.body.data.dsr).toEqual(dsr);
    expect((await residenceFile(agent, newcomer.idNumber)).jzz?.jzzh).toBe(newcomer.idNumber);
    expect((await residenceFile(agent, primary.idNumber)).jzz).toBeNull();
  });
});

describe('居住证签注 at the approval system', () => {
  const issuedElevenMonthsAgo = (): string => addYears(daysFromToday(20), -1);

  it('when the window is open and the 签注 is approved, then it is recorded for that anniversary; a second one is refused', async () => {
    // Arrange
    const agent = newSandbox();
    const qfrq = issuedElevenMonthsAgo();
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: daysFromToday(-700), jzz: { qfrq } }).expect(200);

    // Act
    const filed = await fileCase(agent, itemOf('endorse'), newcomer);
    await approve(agent, filed.body.data.bjbh as string);
    const again = await fileCase(agent, itemOf('endorse'), newcomer);

    // Assert
    expect(filed.body.code).toBe('0000');
    expect((await residenceFile(agent, newcomer.idNumber)).jzz?.qzjl).toEqual([
      { qzrq: today(), zn: addYears(qfrq, 1) },
    ]);
    expect(again.body).toMatchObject({ code: '4021', msg: expect.stringContaining('每年只能签注一次') });
  });

  it('when the window has not opened yet, then 4021 names the day it opens', async () => {
    const agent = newSandbox();
    await setResidence(agent, {
      sfzmhm: newcomer.idNumber,
      djrq: daysFromToday(-700),
      jzz: { qfrq: daysFromToday(-200) },
    });

    const res = await fileCase(agent, itemOf('endorse'), newcomer);

    expect(res.body).toMatchObject({ code: '4021', msg: expect.stringContaining('起办理') });
  });
});

describe('居住证补领 and 换领 at the approval system', () => {
  const jzzLicence = async (agent: Agent) =>
    (
      (await licences(agent, newcomer.idNumber)).body.data.list as { zzlxdm: string; zzbs: string; fzrq: string }[]
    ).find((licence) => licence.zzlxdm === 'JZZ');

  it('when a 补领 is approved, then the permit keeps its validity and the e-licence is a new card', async () => {
    // Arrange
    const agent = newSandbox();
    const qfrq = daysFromToday(-100);
    const before = await setResidence(agent, { sfzmhm: newcomer.idNumber, jzz: { qfrq } }).expect(200);
    const oldCard = await jzzLicence(agent);

    // Act
    const filed = await fileCase(agent, itemOf('reissue'), newcomer);
    await approve(agent, filed.body.data.bjbh as string);

    // Assert
    expect((await residenceFile(agent, newcomer.idNumber)).jzz).toEqual(before.body.jzz);
    expect((await jzzLicence(agent))?.fzrq).toBe(qfrq);
    expect((await jzzLicence(agent))?.zzbs).not.toBe(oldCard?.zzbs);
  });

  it('when a permit expired 10 days ago is renewed (换领), then it is valid for three years from the decision', async () => {
    // Arrange
    const agent = newSandbox();
    await setResidence(agent, { sfzmhm: newcomer.idNumber, jzz: { qfrq: addYears(daysFromToday(-10), -3) } }).expect(
      200,
    );

    // Act
    const filed = await fileCase(agent, itemOf('renew'), newcomer);
    await approve(agent, filed.body.data.bjbh as string);

    // Assert
    expect((await residenceFile(agent, newcomer.idNumber)).jzz).toMatchObject({
      qfrq: today(),
      yxqz: addYears(today(), 3),
      zt: '1',
      qzjl: [],
    });
  });

  it('when the permit expired 40 days ago, then 补领 and 换领 are refused', async () => {
    const agent = newSandbox();
    await setResidence(agent, { sfzmhm: newcomer.idNumber, jzz: { qfrq: addYears(daysFromToday(-40), -3) } }).expect(
      200,
    );

    const reissue = await fileCase(agent, itemOf('reissue'), newcomer);
    const renew = await fileCase(agent, itemOf('renew'), newcomer);

    expect(reissue.body).toMatchObject({ code: '4021', msg: expect.stringContaining('到期') });
    expect(renew.body).toMatchObject({ code: '4021', msg: expect.stringContaining('重新申领') });
  });
});

describe('居住登记申报 at the approval system', () => {
  it('when the newcomer without a registration declares one in 海珠区 and it is approved, then it is active from today', async () => {
    // Arrange
    const agent = newSandbox();
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: null }).expect(200);

    // Act
    const filed = await fileCase(agent, itemOf('register'), newcomer, undefined, { jzdz: '广州市海珠区新港中路1号' });
    await approve(agent, filed.body.data.bjbh as string);

    // Assert
    expect((await residenceFile(agent, newcomer.idNumber)).djxx).toEqual([
      expect.objectContaining({ jzdz: '广州市海珠区新港中路1号', jzdzqh: '440105', djrq: today(), zt: '1' }),
    ]);
  });

  it('when the address is not in Guangzhou, or she already has one, then 4021 says what to do', async () => {
    const agent = newSandbox();

    const existing = await fileCase(agent, itemOf('register'), newcomer);
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: null }).expect(200);
    const elsewhere = await fileCase(agent, itemOf('register'), newcomer, undefined, { jzdz: '深圳市福田区福华路1号' });

    expect(existing.body).toMatchObject({ code: '4021', msg: expect.stringContaining('居住登记变更') });
    expect(elsewhere.body).toMatchObject({ code: '4021', msg: expect.stringContaining('广州市') });
  });
});

describe('cases filed for a family member (dsr)', () => {
  const son = REGISTER.kin.get('son');
  const daughter = REGISTER.kin.get('daughter');
  if (!son || !daughter) throw new Error('no kin');
  const householdProof = (): string => itemNamed('户籍证明（户籍信息证明）');

  it('when primary files 户籍证明 for his son as guardian, then the case carries dsr and both may read it, nobody else', async () => {
    // Arrange
    const agent = newSandbox();
    const dsr = subjectOf(son, 'JHR');

    // Act
    const filed = await fileCase(agent, householdProof(), primary, dsr);
    const bjbh = filed.body.data.bjbh as string;
    const read = (sfzmhm: string) =>
      agent.get(`/approval/v1/cases/${bjbh}`).set('X-App-Key', TEST_GOV_APP_KEY).query({ sfzmhm }).expect(200);

    // Assert
    expect(filed.body.code).toBe('0000');
    expect(filed.body.data.dsr).toEqual(dsr);
    expect((await read(primary.idNumber)).body.data.dsr).toEqual(dsr);
    expect((await read(son.idNumber)).body.code).toBe('0000');
    expect((await read(seedCitizen('secondary').idNumber)).body.code).toBe('4004');
  });

  it('when staff open such a case at the console, then it shows 当事人 and 代办人 (ID numbers masked)', async () => {
    // Arrange
    const agent = newSandbox();
    const filed = await fileCase(agent, householdProof(), primary, subjectOf(son, 'JHR'));
    const bjbh = filed.body.data.bjbh as string;

    // Act
    const submitted = await agent.get(`/sandbox/approval/cases/${bjbh}/submission`).expect(200);
    const page = await agent.get(`/sandbox/approval/desk/${bjbh}`).expect(200);
    const list = await agent.get('/sandbox/approval/desk').expect(200);

    // Assert
    expect(submitted.body).toMatchObject({ dsr: subjectOf(son, 'JHR'), dbxx: `代办：${primary.name}（监护人）` });
    expect(page.type).toBe('text/html');
    expect(page.text).toContain('当事人');
    expect(page.text).toContain(son.name);
    expect(page.text).toContain(`代办：${primary.name}（监护人）`);
    expect(page.text).not.toContain(son.idNumber);
    expect(page.text).not.toContain(primary.idNumber);
    expect(list.text).toContain(`代办：${primary.name}（监护人）`);
  });

  it('when the son may not withdraw a case his father filed, then 4004 (changes stay the applicant’s)', async () => {
    const agent = newSandbox();
    const filed = await fileCase(agent, householdProof(), primary, subjectOf(son, 'JHR'));

    const res = await agent
      .post(`/approval/v1/cases/${filed.body.data.bjbh as string}/withdraw`)
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .send({ sfzmhm: son.idNumber, chyy: '不需要了' })
      .expect(200);

    expect(res.body.code).toBe('4004');
  });

  it('when an item must be filed in person (dbfs 0), then 4024', async () => {
    const res = await fileCase(
      newSandbox(),
      itemNamed('无犯罪记录证明开具（本人申请）'),
      primary,
      subjectOf(son, 'JHR'),
    );

    expect(res.body).toMatchObject({ code: '4024', msg: '该事项须本人申请' });
  });

  it('when an item allows only guardians for minors (dbfs 1), then the son is accepted and the 16-year-old daughter refused', async () => {
    const agent = newSandbox();
    const item = itemNamed('往来港澳通行证首次申领');

    const forSon = await fileCase(agent, item, primary, subjectOf(son, 'JHR'));
    const forDaughter = await fileCase(agent, item, primary, subjectOf(daughter, 'QS'));

    expect(forSon.body.code).toBe('0000');
    expect(forDaughter.body).toMatchObject({ code: '4024', msg: expect.stringContaining('未满16周岁') });
  });

  it('when the form names the applicant instead of the dsr, then 1002 points at the field', async () => {
    const res = await submit(
      newSandbox(),
      submission({
        sxbm: householdProof(),
        sqr: applicantOf(primary),
        dsr: subjectOf(son, 'JHR'),
        bdsj: formFor(householdProof(), REGISTER.find(primary.idNumber) ?? son),
      }),
    ).expect(200);

    expect(res.body).toMatchObject({ code: '1002', msg: expect.stringContaining('当事人') });
  });

  it('when dsr is the applicant or malformed, then 1002', async () => {
    const agent = newSandbox();

    const self = await fileCase(agent, householdProof(), primary, subjectOf(primary, 'JHR'));
    const badRelation = await submit(agent, {
      ...submission({ sqr: applicantOf(primary) }),
      dsr: { ...subjectOf(son, 'JHR'), gx: 'XX' },
    }).expect(200);

    expect(self.body.code).toBe('1002');
    expect(badRelation.body).toMatchObject({ code: '1002', msg: expect.stringContaining('dsr.gx') });
  });
});
