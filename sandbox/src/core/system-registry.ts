import type { SandboxSystem } from './system';

/**
 * Maps request paths to systems by prefix. A prefix matches on a path
 * segment boundary, so '/sms' covers '/sms/v1/send' but not '/smsx'.
 */
export class SystemRegistry {
  private readonly byName = new Map<string, SandboxSystem>();

  constructor(systems: readonly SandboxSystem[]) {
    for (const system of systems) {
      if (!/^[a-z][a-z0-9-]*$/.test(system.name)) throw new Error(`sandbox: bad system name "${system.name}"`);
      if (this.byName.has(system.name)) throw new Error(`sandbox: system "${system.name}" registered twice`);
      for (const prefix of system.prefixes) {
        if (!/^\/[^/]/.test(prefix) || prefix.endsWith('/') || prefix.startsWith('/sandbox')) {
          throw new Error(`sandbox: bad prefix "${prefix}" for system "${system.name}"`);
        }
        const owner = this.all().find((other) => other.prefixes.some((taken) => overlaps(taken, prefix)));
        if (owner) throw new Error(`sandbox: prefix "${prefix}" of "${system.name}" overlaps "${owner.name}"`);
      }
      this.byName.set(system.name, system);
    }
  }

  all(): SandboxSystem[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  get(name: string): SandboxSystem | undefined {
    return this.byName.get(name);
  }

  /** The system serving a request path, if any (control routes under /sandbox belong to none). */
  forPath(path: string): SandboxSystem | undefined {
    for (const system of this.byName.values()) {
      if (system.prefixes.some((prefix) => underPrefix(path, prefix))) return system;
    }
    return undefined;
  }
}

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function overlaps(a: string, b: string): boolean {
  return underPrefix(a, b) || underPrefix(b, a);
}
