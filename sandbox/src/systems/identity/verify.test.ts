import { isValidIdNumber } from '@suijing/shared';
import { makeIdNumber } from '../../seed/id-number';
import { seedCitizen } from '../../seed/citizens';
import { GENERATED_POPULATION_SIZE } from '../../seed/population';
import { TEST_GOV_APP_KEY, newSandbox } from '../../testing/fixtures';
import { REGISTER, personWithRole, verify } from '../../testing/identity';

describe('POST /identity/v1/verify', () => {
  it('when a seeded citizen is verified with the right name, then it answers 0000 with sex, birth date and household district', async () => {
    // Arrange
    const agent = newSandbox();
    const citizen = seedCitizen('primary');

    // Act
    const res = await verify(agent, { xm: citizen.name, sfzmhm: citizen.idNumber });

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: '0000',
      msg: '成功',
      data: { hyjg: '1', xb: '1', csrq: citizen.birthDate, hjdqh: citizen.regionCode },
    });
  });

  it('when a woman of the generated population is verified, then xb is "2"', async () => {
    // Arrange
    const agent = newSandbox();
    const person = REGISTER.withRole('resident').find((candidate) => candidate.gender === 'female');
    if (!person) throw new Error('no woman in the register');

    // Act
    const res = await verify(agent, { xm: person.name, sfzmhm: person.idNumber });

    // Assert
    expect(res.body.data).toEqual({ hyjg: '1', xb: '2', csrq: person.birthDate, hjdqh: person.regionCode });
  });

  it('when the number ends in a lower-case x, then it is read as X', async () => {
    // Arrange
    const agent = newSandbox();
    const person = REGISTER.people.find(
      (candidate) => candidate.idNumber.endsWith('X') && candidate.status === 'normal',
    );
    if (!person) throw new Error('no X number in the register');

    // Act
    const res = await verify(agent, { xm: person.name, sfzmhm: person.idNumber.toLowerCase() });

    // Assert
    expect(res.body.code).toBe('0000');
  });

  it('when a name with a middle dot is verified exactly, then it matches; without the dot it does not', async () => {
    // Arrange
    const agent = newSandbox();
    const person = personWithRole('ethnic');

    // Act
    const exact = await verify(agent, { xm: person.name, sfzmhm: person.idNumber });
    const withoutDot = await verify(agent, { xm: person.name.replace('·', ''), sfzmhm: person.idNumber });

    // Assert
    expect(exact.body.code).toBe('0000');
    expect(withoutDot.body.code).toBe('3001');
  });

  it('when the name does not belong to the number, then it answers 3001', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await verify(agent, { xm: seedCitizen('secondary').name, sfzmhm: seedCitizen('primary').idNumber });

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '3001', msg: '姓名与公民身份号码不一致' });
  });

  it('when a valid number is not in the register, then it answers 3002', async () => {
    // Arrange
    const agent = newSandbox();
    const stranger = makeIdNumber('110101', '19900101', 123, true);

    // Act
    const res = await verify(agent, { xm: '王五', sfzmhm: stranger });

    // Assert
    expect(isValidIdNumber(stranger)).toBe(true);
    expect(res.body).toEqual({ code: '3002', msg: '库中无此号' });
  });

  it.each([
    { label: 'a wrong check character', mutate: (id: string) => `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}` },
    { label: '17 characters', mutate: (id: string) => id.slice(0, 17) },
    { label: 'an impossible birth date', mutate: (id: string) => `${id.slice(0, 10)}1340${id.slice(14)}` },
  ])('when the number has $label, then it answers 3003', async ({ mutate }) => {
    // Arrange
    const agent = newSandbox();
    const citizen = seedCitizen('primary');

    // Act
    const res = await verify(agent, { xm: citizen.name, sfzmhm: mutate(citizen.idNumber) });

    // Assert
    expect(res.body).toEqual({ code: '3003', msg: '公民身份号码校验错误' });
  });

  it('when the deceased person is verified with the right name, then it answers 3004; with a wrong name 3001', async () => {
    // Arrange
    const agent = newSandbox();
    const person = personWithRole('deceased');

    // Act
    const right = await verify(agent, { xm: person.name, sfzmhm: person.idNumber });
    const wrong = await verify(agent, { xm: `${person.name}明`, sfzmhm: person.idNumber });

    // Assert
    expect(right.body).toEqual({ code: '3004', msg: '该公民身份号码已注销' });
    expect(wrong.body.code).toBe('3001');
  });

  it('when the app key is wrong or missing, then it answers HTTP 401 with 1001', async () => {
    // Arrange
    const agent = newSandbox();
    const citizen = seedCitizen('primary');
    const body = { xm: citizen.name, sfzmhm: citizen.idNumber };

    // Act
    const wrong = await agent.post('/identity/v1/verify').set('X-App-Key', `${TEST_GOV_APP_KEY}x`).send(body);
    const missing = await agent.post('/identity/v1/verify').send(body);

    // Assert
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ code: '1001', msg: '鉴权失败' });
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('1001');
  });

  it.each([
    { label: 'no name', body: { sfzmhm: '440106199001011234' } },
    { label: 'no number', body: { xm: '陈伟' } },
    { label: 'a numeric number', body: { xm: '陈伟', sfzmhm: 4401061990 } },
  ])('when the request has $label, then it answers 1002', async ({ body }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await verify(agent, body);

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '1002', msg: '请求参数错误' });
  });

  it('when the body is not JSON, then it answers 9001 in the legacy envelope', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent
      .post('/identity/v1/verify')
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .set('Content-Type', 'application/json')
      .send('{"xm":');

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '9001', msg: '请求报文格式错误' });
  });
});

describe('the population register', () => {
  it('when built, then it holds the seeded citizens, the special records and a few thousand unique, valid people', () => {
    // Arrange / Act
    const ids = REGISTER.people.map((person) => person.idNumber);

    // Assert
    expect(REGISTER.people.length).toBeGreaterThanOrEqual(GENERATED_POPULATION_SIZE);
    expect(new Set(ids).size).toBe(ids.length);
    expect(REGISTER.people.filter((person) => !isValidIdNumber(person.idNumber))).toEqual([]);
    expect(REGISTER.people.filter((person) => person.idNumber.slice(6, 14) !== person.birthDate)).toEqual([]);
    for (const role of [
      'primary',
      'secondary',
      'elder',
      'young',
      'blocked',
      'deceased',
      'nonlocal',
      'ethnic',
      'newcomer',
    ] as const) {
      expect(REGISTER.withRole(role)).toHaveLength(1);
    }
    // The generated child first, then the primary citizen's son (kin come last).
    expect(REGISTER.withRole('child').map((person) => person.birthDate < '20200101')).toEqual([false, true]);
    expect(REGISTER.people.filter((person) => person.status === 'cancelled').map((person) => person.role)).toEqual([
      'deceased',
    ]);
  });

  it('when the same seed is used by two sandboxes, then both verify the same generated people', async () => {
    // Arrange
    const person = REGISTER.withRole('resident')[1234];
    if (!person) throw new Error('no resident 1234');

    // Act
    const first = await verify(newSandbox(), { xm: person.name, sfzmhm: person.idNumber });
    const second = await verify(newSandbox(), { xm: person.name, sfzmhm: person.idNumber });

    // Assert
    expect(first.body.code).toBe('0000');
    expect(second.body).toEqual(first.body);
  });

  it('when a sandbox uses another seed, then its generated population differs', async () => {
    // Arrange
    const person = REGISTER.withRole('resident')[0];
    if (!person) throw new Error('no resident');

    // Act
    const res = await verify(newSandbox({ seed: 7 }), { xm: person.name, sfzmhm: person.idNumber });

    // Assert
    expect(res.body.code).not.toBe('0000');
  });
});
