import { newSandbox } from '../testing/fixtures';

describe('sandbox control routes from a browser', () => {
  it('when a page of another origin asks for a control route, then CORS lets it; the systems themselves stay closed', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const preflight = await agent
      .options('/sandbox/wechat/face/some-id')
      .set('Origin', 'http://localhost:8080')
      .set('Access-Control-Request-Method', 'POST');
    const system = await agent.get('/catalog/v2/version').set('Origin', 'http://localhost:8080');

    // Assert
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(system.headers['access-control-allow-origin']).toBeUndefined();
  });
});
