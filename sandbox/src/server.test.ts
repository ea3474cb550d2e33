import { startSandbox } from './server';
import { testOptions } from './testing/fixtures';

describe('startSandbox', () => {
  it('when started on port 0, then it listens on a free loopback port, shares its clock, and closes', async () => {
    // Arrange
    const sandbox = await startSandbox({ ...testOptions(), port: 0 });

    try {
      // Act
      sandbox.clock.advance(90_000);
      const res = await fetch(`${sandbox.url}/sandbox/clock`);
      const body = (await res.json()) as { offsetMs: number };

      // Assert
      expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
      expect(sandbox.port).toBeGreaterThan(0);
      expect(body.offsetMs).toBe(90_000);
    } finally {
      await sandbox.close();
    }
    await expect(fetch(`${sandbox.url}/sandbox/health`)).rejects.toThrow();
  });

  it('when a credential is missing, then it refuses to start', async () => {
    // Arrange
    const options = { ...testOptions(), sms: { apiKey: '' } };

    // Act / Assert
    await expect(startSandbox(options)).rejects.toThrow(/sms\.apiKey/);
  });
});
