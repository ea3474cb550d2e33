import { newSandbox } from '../testing/fixtures';

describe('/sandbox/clock', () => {
  it('when the clock is read at start, then it shows real time with no offset', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.get('/sandbox/clock').expect(200);

    // Assert
    expect(res.body.offsetMs).toBe(0);
    expect(Math.abs(Date.parse(res.body.now) - Date.now())).toBeLessThan(1000);
  });

  it('when the clock is advanced, then now moves by that much and the offset says so', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    await agent.post('/sandbox/clock').send({ advanceMs: 3_600_000 }).expect(200);
    const res = await agent.post('/sandbox/clock').send({ advanceMs: 60_000 }).expect(200);

    // Assert
    expect(res.body.offsetMs).toBe(3_660_000);
    expect(Math.abs(Date.parse(res.body.now) - (Date.now() + 3_660_000))).toBeLessThan(1000);
  });

  it('when the clock is set to an instant, then now is that instant and keeps ticking from there', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    await agent.post('/sandbox/clock').send({ set: '2026-12-31T23:59:00+08:00' }).expect(200);
    const res = await agent.get('/sandbox/clock').expect(200);

    // Assert
    const shown = Date.parse(res.body.now);
    const target = Date.parse('2026-12-31T15:59:00Z');
    expect(shown - target).toBeGreaterThanOrEqual(0);
    expect(shown - target).toBeLessThan(1000);
  });

  it('when the clock is reset, then it is back to real time', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ advanceMs: 86_400_000 }).expect(200);

    // Act
    const res = await agent.post('/sandbox/clock/reset').expect(200);

    // Assert
    expect(res.body.offsetMs).toBe(0);
  });

  it.each([
    { label: 'nothing', body: {} },
    { label: 'both advanceMs and set', body: { advanceMs: 1, set: '2026-01-01T00:00:00Z' } },
    { label: 'a string advanceMs', body: { advanceMs: '1000' } },
    { label: 'a date without time', body: { set: '2026-01-01' } },
    { label: 'an impossible date', body: { set: '2026-02-30T00:00:00Z' } },
  ])('when the request has $label, then it answers 400 and the clock does not move', async ({ body }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.post('/sandbox/clock').send(body);
    const after = await agent.get('/sandbox/clock').expect(200);

    // Assert
    expect(res.status).toBe(400);
    expect(after.body.offsetMs).toBe(0);
  });
});
