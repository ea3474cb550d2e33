import { fireEvent, render, waitFor } from '@testing-library/react';
import type { ApplicationForm, FormField } from '@suijing/shared';
import { ActionBar } from '@/packages/catalog/pages/item/ActionBar';
import { lockedIdentity, lockedNote } from '@/packages/apply/utils/locked-identity';
import BookPage from '@/packages/halls/pages/book';
import { resetPositionForTests } from '@/packages/halls/state/location';
import { mayActFor, whyNot } from '@/packages/family/utils/family-text';
import { resetApiClientForTests } from '@/services/api-client';
import { createAppointment } from '@/services/appointments';
import { fetchDraft, saveDraft } from '@/services/drafts';
import { fetchFavorite } from '@/services/favorites';
import { listFamily } from '@/services/family';
import { fetchHall, listHalls, listSlots } from '@/services/halls';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { familyMember, pendingParent } from '../fixtures/family';
import { appointment, DAYS, hallDetail, hallList, slotList } from '../fixtures/halls';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';
import { routerStub, taroStub } from '../stubs/taro';

jest.mock('@/services/favorites', () => ({
  fetchFavorite: jest.fn(),
  addFavorite: jest.fn(),
  removeFavorite: jest.fn(),
}));
jest.mock('@/services/appointments', () => ({ createAppointment: jest.fn() }));
jest.mock('@/services/halls', () => ({ fetchHall: jest.fn(), listHalls: jest.fn(), listSlots: jest.fn() }));
jest.mock('@/services/family', () => ({ listFamily: jest.fn() }));

const SON = familyMember();
const DAD = familyMember({
  memberId: 'fm_dad0000000000001',
  kind: 'adult',
  relation: 'parent',
  relationText: '父母',
  age: 70,
});

const field = (overrides: Partial<FormField>): FormField => ({
  key: 'f',
  label: '字段',
  type: 'text',
  required: true,
  ...overrides,
});
const FORM: ApplicationForm = {
  version: 'v1',
  sections: [
    {
      title: '申请人信息',
      fields: [
        field({ key: 'xm', label: '姓名', identity: 'name' }),
        field({ key: 'sfzh', label: '公民身份号码', type: 'idNumber', identity: 'idNumber' }),
        field({ key: 'sjhm', label: '手机号码', type: 'phone', identity: 'phone' }),
      ],
    },
  ],
};

describe('which members an item may be filed for', () => {
  it.each([
    ['family', SON, true],
    ['family', DAD, true],
    ['minors', SON, true],
    ['minors', DAD, false],
    ['none', SON, false],
  ] as const)('when the guide says %s, then member %#s may be chosen: %s', (onBehalf, member, allowed) => {
    expect(mayActFor(onBehalf, member)).toBe(allowed);
  });

  it('when a member is pending or an adult on a minors-only item, then the picker says why', () => {
    expect(mayActFor('family', pendingParent())).toBe(false);
    expect(whyNot('family', pendingParent())).toBe('等待对方确认授权后才能代办');
    expect(whyNot('minors', DAD)).toBe('该事项仅可由监护人为未成年人代办');
  });
});

describe('the form filed for a member', () => {
  it('when the form is for the son, then his masked name and ID number fill it, and my phone stays the contact', () => {
    // Act
    const locked = lockedIdentity(FORM, {
      nameMasked: SON.nameMasked,
      idNumberMasked: SON.idNumberMasked,
      phoneMasked: '138****1234',
    });

    // Assert
    expect(locked).toEqual({ xm: '王*', sfzh: '4401**********0018', sjhm: '138****1234' });
    expect(lockedNote('name', true)).toBe('来自家人的户籍登记，不可修改');
    expect(lockedNote('phone', true)).toContain('代办人');
  });
});

describe('drafts kept for a member', () => {
  beforeEach(() => {
    resetApiClientForTests();
    resetTokenCacheForTests();
    setTokens({ accessToken: 'access', refreshToken: 'refresh' });
  });

  it('when a draft is read and saved for a member, then both go to the item draft with ?memberId=', async () => {
    // Arrange
    taroStub.request
      .mockResolvedValueOnce({
        statusCode: 404,
        data: { error: { code: 'DRAFT_NOT_FOUND', message: '无草稿' } },
        header: {},
      })
      .mockResolvedValueOnce({ statusCode: 200, data: { itemCode: 'X' }, header: {} });

    // Act
    await fetchDraft('440100000000HJZM0005', SON.memberId);
    await saveDraft('440100000000HJZM0005', { yt: '入学' }, 'v1', SON.memberId);

    // Assert
    const urls = taroStub.request.mock.calls.map((call) => call[0].url);
    expect(urls[0]).toBe(`/api/v1/drafts/440100000000HJZM0005?memberId=${SON.memberId}`);
    expect(urls[1]).toBe(`/api/v1/drafts/440100000000HJZM0005?memberId=${SON.memberId}`);
  });
});

describe('为家人办理 on the guide', () => {
  beforeEach(() => {
    jest.mocked(fetchFavorite).mockResolvedValue({ code: 'X', favorite: false });
  });

  it('when the guide allows 代办, then 为家人办理 shows and, for a verified person, opens the member picker', () => {
    // Arrange
    setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });
    render(<ActionBar code="440100000000HJZM0005" name="户籍证明（户籍信息证明）" onBehalf="family" />);

    // Act
    fireEvent.click(byId('apply-for-family'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/family/pages/pick/index?code=440100000000HJZM0005',
    });
  });

  it('when the item must be filed in person, then there is no 为家人办理', () => {
    // Act
    render(<ActionBar code="440100000000ABCD0001" name="电子居住证申领" onBehalf="none" />);

    // Assert
    expect(document.getElementById('apply-for-family')).toBeNull();
  });
});

describe('为家人预约', () => {
  beforeEach(() => {
    resetPositionForTests();
    privacyStore.set('granted');
    setAuthenticated(TEST_USER);
    jest.mocked(fetchHall).mockResolvedValue(hallDetail());
    jest.mocked(listHalls).mockResolvedValue(hallList());
    jest.mocked(listSlots).mockImplementation(async (_hall, _business, date) => slotList({ date }));
    jest.mocked(listFamily).mockResolvedValue({ members: [DAD, pendingParent()], limit: 8 });
  });

  it('when the booking was started from the member page, then the member is chosen and sent as memberId with the green channel said', async () => {
    // Arrange
    jest.mocked(createAppointment).mockResolvedValue(appointment());
    routerStub.params = {
      hallId: 'GA44010601',
      business: 'HZ02',
      date: DAYS[0] ?? '',
      slot: 'S0900',
      step: 'confirm',
      memberId: DAD.memberId,
    };
    render(<BookPage />);
    await waitFor(() => expect(document.getElementById(`book-family-${DAD.memberId}`)).not.toBeNull());

    // Act
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() => expect(createAppointment).toHaveBeenCalled());
    expect(jest.mocked(createAppointment).mock.calls[0]?.[0]).toEqual({
      hallId: 'GA44010601',
      business: 'HZ02',
      date: DAYS[0],
      slotId: 'S0900',
      memberId: DAD.memberId,
    });
    expect(byId(`book-family-${DAD.memberId}`).getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById('book-family-fm_mum0000000000001')).toBeNull();
    expect(document.body.textContent).toContain('已满 60 周岁，到厅可走绿色通道');
  });

  it('when 为家人预约 is on without a member chosen among several, then booking asks to choose one', async () => {
    // Arrange
    jest.mocked(listFamily).mockResolvedValue({ members: [DAD, SON], limit: 8 });
    routerStub.params = { hallId: 'GA44010601', business: 'HZ02', date: DAYS[0] ?? '', slot: 'S0900', step: 'confirm' };
    render(<BookPage />);
    await waitFor(() => expect(document.getElementById('book-for-family')).not.toBeNull());
    const host = byId('book-for-family');
    fireEvent.click(host.querySelector('input') ?? host);
    await waitFor(() => expect(document.getElementById(`book-family-${SON.memberId}`)).not.toBeNull());

    // Act
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() => expect(document.getElementById('book-family-choice-error')).not.toBeNull());
    expect(createAppointment).not.toHaveBeenCalled();
  });
});
