import { seedCitizen } from '../../seed/citizens';
import { newSandbox } from '../../testing/fixtures';
import { personWithRole } from '../../testing/identity';
import { trafficPerson, trafficPost, vehicleWhere } from '../../testing/traffic';

const PRIMARY = seedCitizen('primary');
const SECONDARY = seedCitizen('secondary');

describe('POST /traffic/v1/jj/check (自愿降级 precheck)', () => {
  it('when the primary citizen (B2, status A, no open records with points) asks for B2-C1, then it is allowed with the classes before and after', async () => {
    // Arrange
    const agent = newSandbox();
    const { licence } = await trafficPerson(agent, PRIMARY.idNumber);

    // Act
    const res = await trafficPost(agent, 'jj/check', { sfzmhm: PRIMARY.idNumber, mbcx: 'B2-C1' }).expect(200);

    // Assert
    expect(res.body).toEqual({ code: '0000', msg: '成功', data: { dabh: licence?.dabh, yzjcx: 'B2', xzjcx: 'C1' } });
  });

  it.each(['C1-C2', 'A1-B1', 'A3-C1'])(
    'when the pair %s does not start from the driver’s class, then it answers 5001',
    async (mbcx) => {
      // Arrange
      const agent = newSandbox();

      // Act
      const res = await trafficPost(agent, 'jj/check', { sfzmhm: PRIMARY.idNumber, mbcx }).expect(200);

      // Assert
      expect(res.body.code).toBe('5001');
      expect(res.body.msg).toMatch(/^准驾车型不符合降级条件/);
    },
  );

  it('when the licence status is not 正常, then it answers 5002 naming the status letters', async () => {
    // Arrange
    const agent = newSandbox();
    const elder = seedCitizen('elder');

    // Act
    const res = await trafficPost(agent, 'jj/check', { sfzmhm: elder.idNumber, mbcx: 'C1-C2' }).expect(200);

    // Assert
    expect(res.body.code).toBe('5002');
    expect(res.body.msg).toBe('驾驶证状态异常：当前状态为H违法未处理、P延期体检');
  });

  it('when an open record with points is added (on-site or camera), then it answers 5003; an open one without points does not block', async () => {
    // Arrange
    const agent = newSandbox();
    const secondary = newSandbox();
    await agent
      .post(`/sandbox/traffic/people/${PRIMARY.idNumber}/violations`)
      .send({ lx: 'xc', wfxw: '1039', clbj: '0' })
      .expect(201);
    const stillAllowed = await trafficPost(agent, 'jj/check', { sfzmhm: PRIMARY.idNumber, mbcx: 'B2-C1' });
    await agent
      .post(`/sandbox/traffic/people/${PRIMARY.idNumber}/violations`)
      .send({ lx: 'fxc', wfxw: '1625', clbj: '0' })
      .expect(201);
    await secondary
      .post(`/sandbox/traffic/people/${SECONDARY.idNumber}/violations`)
      .send({ lx: 'xc', wfxw: '1223' })
      .expect(201);

    // Act
    const camera = await trafficPost(agent, 'jj/check', { sfzmhm: PRIMARY.idNumber, mbcx: 'B2-C1' }).expect(200);
    const onSite = await trafficPost(secondary, 'jj/check', { sfzmhm: SECONDARY.idNumber, mbcx: 'C1-C2' }).expect(200);

    // Assert
    expect(stillAllowed.body.code).toBe('0000');
    expect(camera.body).toEqual({ code: '5003', msg: '存在未处理的交通违法记录：1条记分违法未处理' });
    expect(onSite.body.code).toBe('5003');
  });

  it('when someone without a licence asks, then 4001; a missing field or an unknown pair is 4000', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const noLicence = await trafficPost(agent, 'jj/check', { sfzmhm: personWithRole('child').idNumber, mbcx: 'C1-C2' });
    const missing = await trafficPost(agent, 'jj/check', { sfzmhm: PRIMARY.idNumber });
    const unknownPair = await trafficPost(agent, 'jj/check', { sfzmhm: PRIMARY.idNumber, mbcx: 'B2-A1' });

    // Assert
    expect(noLicence.body).toEqual({ code: '4001', msg: '无驾驶证信息' });
    expect(missing.body.code).toBe('4000');
    expect(unknownPair.body.code).toBe('4000');
  });
});

describe('POST /traffic/v1/jcdy/check (解除抵押 precheck)', () => {
  it('when the owner asks about a mortgaged car whose lender filed the release, then it answers the mortgage and the release record', async () => {
    // Arrange
    const agent = newSandbox();
    const car = await vehicleWhere(agent, PRIMARY.idNumber, (vehicle) => vehicle.dybj === '1');

    // Act
    const res = await trafficPost(agent, 'jcdy/check', { sfzmhm: PRIMARY.idNumber, xh: car.xh }).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    expect(res.body.data).toMatchObject({
      xh: car.xh,
      hphm: car.hphm,
      hpzl: car.hpzl,
      clsbdh: car.clsbdh,
      dyhtbh: car.mortgage?.dyhtbh,
      jcdyjl: car.mortgage?.jcdyjl,
    });
    expect(res.body.data.dyqr.trim()).toBe(car.mortgage?.dyqr);
  });

  it('when the car is not mortgaged, then 5101; mortgaged without a release record, then 5102', async () => {
    // Arrange
    const agent = newSandbox();
    const free = await vehicleWhere(agent, PRIMARY.idNumber, (vehicle) => vehicle.dybj === '0');
    const held = await vehicleWhere(agent, SECONDARY.idNumber, (vehicle) => vehicle.dybj === '1');

    // Act
    const notMortgaged = await trafficPost(agent, 'jcdy/check', { sfzmhm: PRIMARY.idNumber, xh: free.xh });
    const noRelease = await trafficPost(agent, 'jcdy/check', { sfzmhm: SECONDARY.idNumber, xh: held.xh });

    // Assert
    expect(notMortgaged.body).toEqual({ code: '5101', msg: '车辆未办理抵押登记' });
    expect(noRelease.body).toEqual({ code: '5102', msg: '抵押权人尚未申请解除抵押' });
  });

  it('when someone asks about another person’s car or an unknown xh, then 4002 both times; a missing xh is 4000', async () => {
    // Arrange
    const agent = newSandbox();
    const theirs = await vehicleWhere(agent, PRIMARY.idNumber, (vehicle) => vehicle.dybj === '1');

    // Act
    const notTheirs = await trafficPost(agent, 'jcdy/check', { sfzmhm: SECONDARY.idNumber, xh: theirs.xh });
    const unknown = await trafficPost(agent, 'jcdy/check', { sfzmhm: PRIMARY.idNumber, xh: '44019999999999' });
    const missing = await trafficPost(agent, 'jcdy/check', { sfzmhm: PRIMARY.idNumber });

    // Assert
    expect(notTheirs.body).toEqual({ code: '4002', msg: '无此车辆信息' });
    expect(unknown.body).toEqual({ code: '4002', msg: '无此车辆信息' });
    expect(missing.body.code).toBe('4000');
  });
});
