import { seedCitizen } from '../../seed/citizens';
import { makeIdNumber } from '../../seed/id-number';
import { TEST_GOV_APP_KEY, newSandbox } from '../../testing/fixtures';
import { REGISTER, licences, personWithRole } from '../../testing/identity';
import { LONG_TERM } from './licences';

interface Licence {
  zzbs: string;
  zzlxdm: string;
  zzmc: string;
  zzbh: string;
  fzjg: string;
  fzrq: string;
  yxqz: string;
  zt: string;
}

const listOf = (body: { data: { list: Licence[] } }): Licence[] => body.data.list;
const byType = (list: Licence[], type: string): Licence | undefined => list.find((licence) => licence.zzlxdm === type);

describe('GET /elicence/v1/licences', () => {
  it('when the primary citizen is looked up, then ID card, household booklet, driving licence, marriage and property certificates are on file', async () => {
    // Arrange
    const agent = newSandbox();
    const citizen = seedCitizen('primary');

    // Act
    const res = await licences(agent, citizen.idNumber);

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.code).toBe('0000');
    const list = listOf(res.body);
    expect(list.map((licence) => licence.zzlxdm).sort()).toEqual(['BDCQZ', 'HKB', 'JHZ', 'JSZ', 'SFZ']);
    expect(byType(list, 'SFZ')).toMatchObject({ zzmc: '居民身份证', zzbh: citizen.idNumber });
    expect(byType(list, 'SFZ')?.fzjg).toMatch(/^广州市公安局.+分局$/);
    expect(byType(list, 'HKB')).toMatchObject({ zzmc: '居民户口簿', yxqz: LONG_TERM, zt: '1' });
    expect(byType(list, 'JSZ')).toMatchObject({ zzmc: '机动车驾驶证', zzbh: citizen.idNumber });
    for (const licence of list) {
      expect(licence.zzbs).toMatch(/^[0-9a-f]{32}$/);
      expect(licence.fzrq).toMatch(/^\d{8}$/);
      expect(licence.yxqz).toMatch(/^(\d{8}|长期)$/);
      expect(licence.fzrq <= (licence.yxqz === LONG_TERM ? '99999999' : licence.yxqz)).toBe(true);
      expect(licence.fzrq >= citizen.birthDate).toBe(true);
      expect(licence.zt).toBe(licence.yxqz !== LONG_TERM && licence.yxqz < today() ? '2' : '1');
    }
  });

  it('when the young citizen is looked up, then a recent first driving licence (six years) is on file', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const list = listOf((await licences(agent, seedCitizen('young').idNumber)).body);

    // Assert
    const jsz = byType(list, 'JSZ');
    expect(jsz?.zt).toBe('1');
    expect(Number(jsz?.yxqz.slice(0, 4)) - Number(jsz?.fzrq.slice(0, 4))).toBe(6);
    expect(byType(list, 'JHZ')).toBeUndefined();
  });

  it('when two sandboxes list the same person, then the licences are the same', async () => {
    // Arrange
    const person = REGISTER.withRole('resident')[42];
    if (!person) throw new Error('no resident 42');

    // Act
    const first = await licences(newSandbox(), person.idNumber);
    const second = await licences(newSandbox(), person.idNumber);

    // Assert
    expect(listOf(first.body).length).toBeGreaterThan(0);
    expect(second.body).toEqual(first.body);
  });

  it('when people of the register are listed, then Guangzhou households have a booklet, others do not, and the child has a birth certificate', async () => {
    // Arrange
    const agent = newSandbox();
    const nonlocal = personWithRole('nonlocal');
    const child = personWithRole('child');

    // Act
    const nonlocalList = listOf((await licences(agent, nonlocal.idNumber)).body);
    const childList = listOf((await licences(agent, child.idNumber)).body);

    // Assert
    expect(byType(nonlocalList, 'HKB')).toBeUndefined();
    expect(byType(nonlocalList, 'JZZ')).toMatchObject({ zzmc: '广东省居住证' });
    expect(byType(nonlocalList, 'SFZ')?.fzjg).not.toMatch(/^广州市/);
    expect(childList.map((licence) => licence.zzlxdm).sort()).toEqual(['CSZM', 'HKB', 'SFZ']);
    expect(
      Number(byType(childList, 'SFZ')?.yxqz.slice(0, 4)) - Number(byType(childList, 'SFZ')?.fzrq.slice(0, 4)),
    ).toBe(5);
  });

  it('when the deceased person is looked up, then their licences are there with status 3 (注销)', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const list = listOf((await licences(agent, personWithRole('deceased').idNumber)).body);

    // Assert
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((licence) => licence.zt))).toEqual(new Set(['3']));
  });

  it('when the sandbox clock moves 40 years ahead, then term licences show as expired (2) and long-term ones stay valid', async () => {
    // Arrange
    const agent = newSandbox();
    const citizen = seedCitizen('young');
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 40 * 366 * 24 * 3600 * 1000 })
      .expect(200);

    // Act
    const list = listOf((await licences(agent, citizen.idNumber)).body);

    // Assert
    expect(byType(list, 'JSZ')?.zt).toBe('2');
    expect(byType(list, 'HKB')?.zt).toBe('1');
  });

  it('when someone not in the register is looked up, then the list is empty with 0000', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await licences(agent, makeIdNumber('110101', '19900101', 123, true));

    // Assert
    expect(res.body).toEqual({ code: '0000', msg: '成功', data: { list: [] } });
  });

  it('when sfzmhm is missing, then it answers 1002; a wrong app key answers HTTP 401', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const missing = await agent.get('/elicence/v1/licences').set('X-App-Key', TEST_GOV_APP_KEY);
    const unauthorised = await agent.get('/elicence/v1/licences').query({ sfzmhm: seedCitizen('primary').idNumber });

    // Assert
    expect(missing.body).toEqual({ code: '1002', msg: '请求参数错误' });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.body).toEqual({ code: '1001', msg: '鉴权失败' });
  });
});

describe('/sandbox/identity control routes', () => {
  it('when a licence is added, then it is listed, replaces the one of the same type, and reset removes it', async () => {
    // Arrange
    const agent = newSandbox();
    const citizen = seedCitizen('secondary');
    const expired = {
      sfzmhm: citizen.idNumber,
      zzlxdm: 'JSZ',
      zzmc: '机动车驾驶证',
      fzrq: '20100101',
      yxqz: '20160101',
    };

    // Act
    const added = await agent.post('/sandbox/identity/licences').send(expired).expect(201);
    const passport = await agent
      .post('/sandbox/identity/licences')
      .send({ sfzmhm: citizen.idNumber, zzlxdm: 'HZ', zzmc: '普通护照', zzbh: 'EJ1234567', yxqz: '20991231' })
      .expect(201);
    const after = listOf((await licences(agent, citizen.idNumber)).body);
    await agent.post('/sandbox/reset').expect(200);
    const reset = listOf((await licences(agent, citizen.idNumber)).body);

    // Assert
    expect(added.body.licence).toMatchObject({ zzlxdm: 'JSZ', zzbh: citizen.idNumber, zt: '2', fzjg: '广州市公安局' });
    expect(passport.body.licence).toMatchObject({ zzlxdm: 'HZ', zzbh: 'EJ1234567', zt: '1' });
    expect(after.filter((licence) => licence.zzlxdm === 'JSZ')).toEqual([added.body.licence]);
    expect(byType(after, 'HZ')).toEqual(passport.body.licence);
    expect(byType(reset, 'HZ')).toBeUndefined();
    expect(byType(reset, 'JSZ')?.zzbs).not.toBe(added.body.licence.zzbs);
  });

  it.each([
    {
      label: 'a person not in the register',
      body: { sfzmhm: '110101199001011236', zzlxdm: 'HZ', zzmc: '普通护照' },
      status: 404,
    },
    { label: 'no zzmc', body: { zzlxdm: 'HZ' }, status: 400 },
    { label: 'a bad date', body: { zzlxdm: 'HZ', zzmc: '普通护照', fzrq: '2020-01-01' }, status: 400 },
    { label: 'a bad status', body: { zzlxdm: 'HZ', zzmc: '普通护照', zt: '9' }, status: 400 },
    { label: 'a numeric number', body: { zzlxdm: 'HZ', zzmc: '普通护照', zzbh: 123 }, status: 400 },
  ])('when a licence with $label is added, then it answers $status', async ({ body, status }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent
      .post('/sandbox/identity/licences')
      .send({ sfzmhm: seedCitizen('primary').idNumber, ...body });

    // Assert
    expect(res.status).toBe(status);
    expect(res.body.error.code).toEqual(expect.any(String));
  });

  it('when people are listed by role and licence, then the matching register records come back with their licence types', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const deceased = await agent.get('/sandbox/identity/people').query({ role: 'deceased' }).expect(200);
    const drivers = await agent
      .get('/sandbox/identity/people')
      .query({ role: 'resident', licence: 'JSZ', limit: 5 })
      .expect(200);
    const bad = await agent.get('/sandbox/identity/people').query({ role: 'alien' });

    // Assert
    expect(deceased.body).toEqual({
      total: 1,
      people: [{ ...personWithRole('deceased'), licences: expect.arrayContaining(['SFZ', 'HKB']) }],
    });
    expect(drivers.body.total).toBeGreaterThan(500);
    expect(drivers.body.people).toHaveLength(5);
    for (const person of drivers.body.people as { role: string; licences: string[] }[]) {
      expect(person.role).toBe('resident');
      expect(person.licences).toContain('JSZ');
    }
    expect(bad.status).toBe(400);
  });
});

function today(): string {
  const beijing = new Date(Date.now() + 8 * 3600 * 1000);
  return beijing.toISOString().slice(0, 10).replace(/-/g, '');
}
