import Router from '@koa/router';
import type { SandboxSystem } from './system';
import { SystemRegistry } from './system-registry';

function fakeSystem(name: string, prefixes: string[]): SandboxSystem {
  return {
    name,
    prefixes,
    routes: new Router(),
    failure: () => ({ status: 500, body: {} }),
    badRequest: () => ({ status: 400, body: {} }),
    reset: () => undefined,
  };
}

describe('SystemRegistry', () => {
  it('when a path is looked up, then prefixes match on whole path segments only', () => {
    // Arrange
    const registry = new SystemRegistry([fakeSystem('sms', ['/sms']), fakeSystem('wechat', ['/sns', '/cgi-bin'])]);

    // Act / Assert
    expect(registry.forPath('/sms/v1/send')?.name).toBe('sms');
    expect(registry.forPath('/sms')?.name).toBe('sms');
    expect(registry.forPath('/smsx/v1')).toBeUndefined();
    expect(registry.forPath('/cgi-bin/stable_token')?.name).toBe('wechat');
    expect(registry.forPath('/sandbox/sms/outbox')).toBeUndefined();
  });

  it('when two systems claim overlapping prefixes or one name, then registration fails', () => {
    // Arrange / Act / Assert
    expect(() => new SystemRegistry([fakeSystem('a', ['/api']), fakeSystem('b', ['/api/v2'])])).toThrow(/overlaps/);
    expect(() => new SystemRegistry([fakeSystem('a', ['/api/v2']), fakeSystem('b', ['/api'])])).toThrow(/overlaps/);
    expect(() => new SystemRegistry([fakeSystem('a', ['/x']), fakeSystem('a', ['/y'])])).toThrow(/twice/);
    expect(() => new SystemRegistry([fakeSystem('a', ['/sandbox/a'])])).toThrow(/bad prefix/);
  });
});
