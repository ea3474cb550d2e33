import { isValidPhone } from '@suijing/shared';
import { seedCitizen } from '../../seed/citizens';
import { TEST_GOV_APP_KEY, newSandbox, type Agent } from '../../testing/fixtures';
import { REGISTER, licences, personWithRole } from '../../testing/identity';
import { addYears } from './licences';
import { daysFromToday, residenceFile, residenceOf, setResidence, today } from '../../testing/residence';

function contact(agent: Agent, sfzmhm: string) {
  return agent.get('/identity/v1/contact').set('X-App-Key', TEST_GOV_APP_KEY).query({ sfzmhm });
}

interface Licence {
  zzbs: string;
  zzlxdm: string;
  zzbh: string;
  fzrq: string;
  yxqz: string;
  zzxx?: Record<string, string>;
}

async function licenceOf(agent: Agent, sfzmhm: string, type: string): Promise<Licence | undefined> {
  const res = await licences(agent, sfzmhm).expect(200);
  return (res.body.data.list as Licence[]).find((licence) => licence.zzlxdm === type);
}

const UNKNOWN_ID = '110101199001011236';

describe('GET /identity/v1/residence', () => {
  it('when the newcomer is looked up, then her hukou is 长沙, one active 居住登记 in 天河区 200 days old, and no permit', async () => {
    // Arrange
    const agent = newSandbox();
    const newcomer = seedCitizen('newcomer');

    // Act
    const file = await residenceFile(agent, newcomer.idNumber);

    // Assert
    expect(file.hjdqh).toBe('430102');
    expect(file.djxx).toEqual([
      {
        djbh: expect.stringMatching(/^440106\d{12}$/),
        jzdz: expect.stringMatching(/^广州市天河区/),
        jzdzqh: '440106',
        djrq: daysFromToday(-200),
        zt: '1',
      },
    ]);
    expect(file.jzz).toBeNull();
    expect(await licenceOf(agent, newcomer.idNumber, 'JZZ')).toBeUndefined();
  });

  it('when a Guangzhou citizen is looked up, then there is no registration and no permit', async () => {
    const file = await residenceFile(newSandbox(), seedCitizen('primary').idNumber);

    expect(file).toEqual({ hjdqh: seedCitizen('primary').regionCode, djxx: [], jzz: null });
  });

  it('when the register’s nonlocal adult is looked up, then the permit matches the 居住证 e-licence and came after a registration', async () => {
    // Arrange
    const agent = newSandbox();
    const person = personWithRole('nonlocal');

    // Act
    const file = await residenceFile(agent, person.idNumber);
    const licence = await licenceOf(agent, person.idNumber, 'JZZ');

    // Assert
    expect(file.jzz).toMatchObject({ jzzh: licence?.zzbh, qfrq: licence?.fzrq, yxqz: licence?.yxqz });
    expect(['1', '2', '3']).toContain(file.jzz?.zt);
    expect((file.djxx[0]?.djrq ?? '9') < (file.jzz?.qfrq ?? '')).toBe(true);
  });

  it('when someone not in the register is looked up, then 3002; without the app key, 401', async () => {
    const agent = newSandbox();

    const unknown = await residenceOf(agent, UNKNOWN_ID).expect(200);
    const noKey = await agent.get('/identity/v1/residence').query({ sfzmhm: UNKNOWN_ID });

    expect(unknown.body.code).toBe('3002');
    expect(noKey.status).toBe(401);
  });
});

describe('GET /identity/v1/contact', () => {
  it('when a seeded citizen is looked up, then the register holds their own phone', async () => {
    const citizen = seedCitizen('secondary');

    const res = await contact(newSandbox(), citizen.idNumber).expect(200);

    expect(res.body).toMatchObject({ code: '0000', data: { sfzmhm: citizen.idNumber, sjhm: citizen.phone } });
  });

  it('when a generated person is looked up twice, then the same valid mobile comes back', async () => {
    const person = REGISTER.withRole('resident')[10];
    if (!person) throw new Error('no resident');

    const first = await contact(newSandbox(), person.idNumber).expect(200);
    const second = await contact(newSandbox(), person.idNumber).expect(200);

    expect(isValidPhone(first.body.data.sjhm as string)).toBe(true);
    expect(second.body).toEqual(first.body);
  });

  it('when an unknown or a cancelled number is looked up, then 3002 and 3004', async () => {
    const agent = newSandbox();

    const unknown = await contact(agent, UNKNOWN_ID).expect(200);
    const deceased = await contact(agent, personWithRole('deceased').idNumber).expect(200);

    expect(unknown.body.code).toBe('3002');
    expect(deceased.body.code).toBe('3004');
  });
});

describe('照面信息 of 出生医学证明 and 户口簿', () => {
  it('when the primary citizen’s son is looked up, then his 出生医学证明 names primary and secondary, his 户口簿 is primary’s household', async () => {
    // Arrange
    const agent = newSandbox();
    const son = REGISTER.kin.get('son');
    const father = seedCitizen('primary');
    const mother = seedCitizen('secondary');
    if (!son) throw new Error('no son');

    // Act
    const birth = await licenceOf(agent, son.idNumber, 'CSZM');
    const household = await licenceOf(agent, son.idNumber, 'HKB');
    const fathers = await licenceOf(agent, father.idNumber, 'HKB');

    // Assert
    expect(birth?.zzxx).toEqual({
      xsexm: son.name,
      fqxm: father.name,
      fqsfzh: father.idNumber,
      mqxm: mother.name,
      mqsfzh: mother.idNumber,
    });
    expect(household?.zzxx).toEqual({ hh: fathers?.zzbh, hzxm: father.name, yhzgx: '子' });
    expect(household?.zzbh).toBe(fathers?.zzbh);
    expect(fathers?.zzxx).toEqual({ hh: fathers?.zzbh, hzxm: father.name, yhzgx: '户主' });
  });

  it('when the daughter and a generated child are looked up, then she is 女 in the same household and the generated child’s parents are strangers', async () => {
    const agent = newSandbox();
    const daughter = REGISTER.kin.get('daughter');
    const child = personWithRole('child');
    if (!daughter) throw new Error('no daughter');

    const hers = await licenceOf(agent, daughter.idNumber, 'HKB');
    const strangers = await licenceOf(agent, child.idNumber, 'CSZM');

    expect(hers?.zzxx).toMatchObject({ hzxm: seedCitizen('primary').name, yhzgx: '女' });
    expect(strangers?.zzxx).toMatchObject({ xsexm: child.name });
    expect(strangers?.zzxx?.fqsfzh).not.toBe(seedCitizen('primary').idNumber);
    expect(REGISTER.find(strangers?.zzxx?.fqsfzh ?? '')).toBeUndefined();
  });
});

describe('POST /sandbox/identity/residence', () => {
  it('when a permit is set whose first anniversary passed without 签注, then it reads 中止 and the e-licence follows it', async () => {
    // Arrange
    const agent = newSandbox();
    const newcomer = seedCitizen('newcomer');
    const qfrq = daysFromToday(-400);

    // Act
    const res = await setResidence(agent, {
      sfzmhm: newcomer.idNumber,
      djrq: daysFromToday(-700),
      jzz: { qfrq },
    }).expect(200);
    const licence = await licenceOf(agent, newcomer.idNumber, 'JZZ');

    // Assert
    expect(res.body.jzz).toMatchObject({ jzzh: newcomer.idNumber, qfrq, zt: '3', qzjl: [] });
    expect(res.body.jzz.qfjg).toBe('广州市公安局天河区分局');
    expect(res.body.djxx).toEqual([expect.objectContaining({ djrq: daysFromToday(-700), zt: '1' })]);
    expect(licence).toMatchObject({ zzbh: newcomer.idNumber, fzrq: qfrq, yxqz: res.body.jzz.yxqz });
  });

  it('when that anniversary is endorsed late, then the permit is valid again; when the permit is removed, so is the e-licence', async () => {
    // Arrange
    const agent = newSandbox();
    const newcomer = seedCitizen('newcomer');
    const qfrq = daysFromToday(-400);
    const first = await setResidence(agent, { sfzmhm: newcomer.idNumber, jzz: { qfrq } }).expect(200);
    const anniversary = addYears(qfrq, 1);

    // Act
    const endorsed = await setResidence(agent, {
      sfzmhm: newcomer.idNumber,
      jzz: { qfrq, qzjl: [{ qzrq: today(), zn: anniversary }] },
    }).expect(200);
    const removed = await setResidence(agent, { sfzmhm: newcomer.idNumber, jzz: null, djrq: null }).expect(200);

    // Assert
    expect(first.body.jzz.zt).toBe('3');
    expect(endorsed.body.jzz.zt).toBe('1');
    expect(removed.body).toEqual({ hjdqh: '430102', djxx: [], jzz: null });
    expect(await licenceOf(agent, newcomer.idNumber, 'JZZ')).toBeUndefined();
  });

  it('when the sandbox is reset, then the file is the generated one again', async () => {
    const agent = newSandbox();
    const newcomer = seedCitizen('newcomer');
    await setResidence(agent, { sfzmhm: newcomer.idNumber, djrq: null }).expect(200);

    await agent.post('/sandbox/reset').expect(200);

    expect((await residenceFile(agent, newcomer.idNumber)).djxx).toHaveLength(1);
  });

  it.each([
    { label: 'an unknown person', body: { sfzmhm: UNKNOWN_ID, djrq: null }, status: 404 },
    { label: 'a bad djrq', body: { djrq: '2026-01-01' }, status: 400 },
    { label: 'an address outside Guangzhou', body: { djrq: '20250101', jzdz: '深圳市福田区福华路1号' }, status: 400 },
    { label: 'a permit without qfrq', body: { jzz: {} }, status: 400 },
    { label: 'a bad 签注 record', body: { jzz: { qfrq: '20250101', qzjl: [{ qzrq: '20260101' }] } }, status: 400 },
  ])('when the body has $label, then it answers $status', async ({ body, status }) => {
    const res = await setResidence(newSandbox(), { sfzmhm: seedCitizen('newcomer').idNumber, ...body });

    expect(res.status).toBe(status);
    expect(res.body.error.code).toEqual(expect.any(String));
  });
});
