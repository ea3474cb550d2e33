import { ASSURANCE, assuranceMessage, meetsAssurance } from './assurance';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 4, 0, 0);

describe('meetsAssurance', () => {
  it('when the level held is below the one asked, then it is not met, whatever the time', () => {
    expect(meetsAssurance({ level: 'L1', inPersonAtMs: null }, ASSURANCE.realName, NOW)).toBe(false);
    expect(meetsAssurance({ level: 'L2', inPersonAtMs: NOW }, ASSURANCE.inPerson, NOW)).toBe(false);
    expect(meetsAssurance({ level: 'L2', inPersonAtMs: null }, ASSURANCE.account, NOW)).toBe(true);
  });

  it('when an in-person check is 30 days old, then records still open; a day later they do not', () => {
    const held = (ageMs: number) => ({ level: 'L3' as const, inPersonAtMs: NOW - ageMs });
    expect(meetsAssurance(held(30 * DAY), ASSURANCE.inPerson, NOW)).toBe(true);
    expect(meetsAssurance(held(31 * DAY), ASSURANCE.inPerson, NOW)).toBe(false);
  });

  it('when the action asks for a check within 5 minutes, then 5 minutes pass and 5 minutes and a second do not', () => {
    const held = (ageMs: number) => ({ level: 'L3' as const, inPersonAtMs: NOW - ageMs });
    expect(meetsAssurance(held(300_000), ASSURANCE.inPersonNow, NOW)).toBe(true);
    expect(meetsAssurance(held(301_000), ASSURANCE.inPersonNow, NOW)).toBe(false);
  });

  it('when the check is stamped in the future beyond a minute, then it is not trusted', () => {
    expect(meetsAssurance({ level: 'L3', inPersonAtMs: NOW + 2 * 60_000 }, ASSURANCE.inPerson, NOW)).toBe(false);
    expect(meetsAssurance({ level: 'L3', inPersonAtMs: null }, ASSURANCE.inPerson, NOW)).toBe(false);
  });

  it('when a level is not met, then the message says which step to take', () => {
    expect(assuranceMessage(ASSURANCE.realName)).toContain('实名认证');
    expect(assuranceMessage(ASSURANCE.inPerson)).toContain('刷脸认证');
    expect(assuranceMessage(ASSURANCE.inPersonNow)).toContain('5 分钟');
  });
});
