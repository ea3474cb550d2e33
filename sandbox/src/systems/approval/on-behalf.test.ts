import { makeIdNumber } from '../../seed/id-number';
import { approvalItems } from './items';
import { ageOfIdNumber, onBehalfRefusal } from './on-behalf';

const anyItem = [...approvalItems().values()][0];
if (!anyItem) throw new Error('no items');
const withMode = (dbfs: '0' | '1' | '2') => ({ ...anyItem, dbfs });
const bornOn = (birthDate: string) => makeIdNumber('440106', birthDate, 123, true);

describe('acting for a 当事人 by the item’s 代办方式', () => {
  it('when the 当事人 turns 16 today, then they count as an adult; the day before, as a minor', () => {
    expect(ageOfIdNumber(bornOn('20101206'), '20261206')).toBe(16);
    expect(ageOfIdNumber(bornOn('20101207'), '20261206')).toBe(15);
  });

  it('when a guardian files for a minor, then dbfs 1 and 2 allow it and dbfs 0 refuses with 4024', () => {
    const minor = { xm: '张小明', sfzmhm: bornOn('20180305'), gx: 'JHR' as const };

    expect(onBehalfRefusal(withMode('1'), minor, '20261206')).toBeUndefined();
    expect(onBehalfRefusal(withMode('2'), minor, '20261206')).toBeUndefined();
    expect(onBehalfRefusal(withMode('0'), minor, '20261206')).toEqual({ code: '4024', msg: '该事项须本人申请' });
  });

  it('when a relative files for an adult, then only dbfs 2 allows it; a relative who is no guardian is refused on dbfs 1 too', () => {
    const adult = { xm: '张小红', sfzmhm: bornOn('20101206'), gx: 'QS' as const };
    const minorByRelative = { xm: '张小明', sfzmhm: bornOn('20180305'), gx: 'QS' as const };

    expect(onBehalfRefusal(withMode('2'), adult, '20261206')).toBeUndefined();
    expect(onBehalfRefusal(withMode('1'), adult, '20261206')?.code).toBe('4024');
    expect(onBehalfRefusal(withMode('1'), minorByRelative, '20261206')?.code).toBe('4024');
  });
});
