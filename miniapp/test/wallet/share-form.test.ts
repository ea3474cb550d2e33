import { shareRequest, validateShare, INITIAL_SHARE_INPUT } from '@/packages/wallet/utils/share-form';
import { groupItems, timeLeftText } from '@/packages/wallet/utils/format';
import { checkVerifierName } from '@/packages/wallet/utils/verifier';
import { walletItem } from '../fixtures/wallet';

describe('出示 form', () => {
  it('when nothing is ticked and no purpose is chosen, then both are asked for', () => {
    // Act
    const errors = validateShare(INITIAL_SHARE_INPUT);

    // Assert
    expect(errors).toEqual({ fields: '请至少勾选一项对方可以看到的内容', purpose: '请选择出示用途' });
  });

  it('when 其他 is chosen with a one-character purpose, then the length is asked for', () => {
    // Act
    const errors = validateShare({ ...INITIAL_SHARE_INPUT, fields: ['name'], purpose: 'other', otherPurpose: ' 学 ' });

    // Assert
    expect(errors).toEqual({ purpose: '用途说明应为 2-30 个字' });
  });

  it('when fields are ticked out of order, then the request keeps the item’s order and the chosen minutes', () => {
    // Arrange
    const item = walletItem();

    // Act
    const request = shareRequest(item, {
      fields: ['permitValid', 'name'],
      minutes: '1440',
      purpose: 'other',
      otherPurpose: ' 办理入学 ',
    });

    // Assert
    expect(request).toEqual({ itemId: item.id, fields: ['name', 'permitValid'], minutes: 1440, purpose: '办理入学' });
  });

  it('when a preset purpose is chosen, then it is sent as it reads', () => {
    // Act
    const request = shareRequest(walletItem(), { ...INITIAL_SHARE_INPUT, fields: ['permitValid'], purpose: '租房' });

    // Assert
    expect(request.purpose).toBe('租房');
    expect(request.minutes).toBe(30);
    expect(validateShare({ ...INITIAL_SHARE_INPUT, fields: ['permitValid'], purpose: '租房' })).toEqual({});
  });
});

describe('证照夹 formats', () => {
  it('when items of several kinds are grouped, then the groups follow the wallet order and empty ones are left out', () => {
    // Arrange
    const items = [
      walletItem({ id: 'a', kind: 'e-licence' }),
      walletItem({ id: 'b', kind: 'vehicle-licence' }),
      walletItem({ id: 'c', kind: 'identity' }),
      walletItem({ id: 'd', kind: 'driving-licence' }),
    ];

    // Act
    const groups = groupItems(items);

    // Assert
    expect(groups.map((g) => [g.title, g.items.map((i) => i.id)])).toEqual([
      ['身份凭证', ['c']],
      ['车驾管证件', ['b', 'd']],
      ['电子证照', ['a']],
    ]);
  });

  it('when the time left is counted, then it reads m:ss under an hour, h:mm:ss above, and 已过期 at the end', () => {
    // Arrange
    const now = new Date('2026-11-28T08:00:00.000Z');

    // Act / Assert
    expect(timeLeftText('2026-11-28T08:04:59.000Z', now)).toBe('4:59');
    expect(timeLeftText('2026-11-28T09:59:59.000Z', now)).toBe('1:59:59');
    expect(timeLeftText('2026-11-28T08:00:00.000Z', now)).toBe('已过期');
  });

  it('when a verifier name is checked, then empty, one character and 31 characters are refused', () => {
    // Act / Assert
    expect(checkVerifierName('  ')).toBe('请填写核验方名称');
    expect(checkVerifierName('张')).toBe('核验方名称应为 2-30 个字');
    expect(checkVerifierName('张'.repeat(31))).toBe('核验方名称应为 2-30 个字');
    expect(checkVerifierName('房东张先生')).toBeUndefined();
  });
});
