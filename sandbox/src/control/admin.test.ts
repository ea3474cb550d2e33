import { seedCitizens } from '../seed/citizens';
import { newSandbox } from '../testing/fixtures';

describe('sandbox admin routes', () => {
  it('when health is asked, then it lists the registered systems', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.get('/sandbox/health').expect(200);

    // Assert
    expect(res.body).toEqual({
      ok: true,
      systems: [
        'wechat',
        'sms',
        'catalog',
        'identity',
        'approval',
        'traffic',
        'feedback',
        'hall',
        'ctid',
        'wxpay',
        'ems',
        'nontax',
      ],
    });
  });

  it('when the seeded citizens are asked, then they are the ones of the sandbox seed', async () => {
    // Arrange
    const agent = newSandbox({ seed: 42 });

    // Act
    const res = await agent.get('/sandbox/seed/citizens').expect(200);

    // Assert
    expect(res.body.seed).toBe(42);
    expect(res.body.citizens).toEqual(JSON.parse(JSON.stringify(seedCitizens(42))));
  });
});
