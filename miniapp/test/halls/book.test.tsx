import { fireEvent, render, waitFor } from '@testing-library/react';
import { idNumberCheckChar } from '@suijing/shared/validators';
import BookPage from '@/packages/halls/pages/book';
import { resetPositionForTests } from '@/packages/halls/state/location';
import { ApiError } from '@/services/api-error';
import { createAppointment } from '@/services/appointments';
import { fetchHall, listHalls, listSlots } from '@/services/halls';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { appointment, DAYS, hallDetail, hallList, slot, slotList } from '../fixtures/halls';
import { byId } from '../support/dom';
import { routerStub, taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/appointments', () => ({ createAppointment: jest.fn() }));
jest.mock('@/services/halls', () => ({ fetchHall: jest.fn(), listHalls: jest.fn(), listSlots: jest.fn() }));
const createMock = jest.mocked(createAppointment);
const hallMock = jest.mocked(fetchHall);
const hallsMock = jest.mocked(listHalls);
const slotsMock = jest.mocked(listSlots);
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

const FIRST17 = '44010619500101123';
const VALID_ID = `${FIRST17}${idNumberCheckChar(FIRST17)}`;
const WRONG_ID = `${FIRST17}${idNumberCheckChar(FIRST17) === '0' ? '1' : '0'}`;

function typeInto(key: string, value: string): void {
  const host = byId(`field-${key}-input`);
  const input = (host.matches('input') ? host : host.querySelector('input')) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.input(input, { target: { value } });
}

function toggleForOther(): void {
  const host = byId('book-for-other');
  fireEvent.click(host.querySelector('input') ?? host);
}

const BOOK = '/packages/halls/pages/book/index';
const CONFIRM = { hallId: 'GA44010601', business: 'HZ02', date: DAYS[0] ?? '', slot: 'S0900', step: 'confirm' };

/** The confirm step of 09:00 at 天河, as 下一步 opens it (a page of its own). */
async function reachConfirm(): Promise<void> {
  routerStub.params = { ...CONFIRM };
  render(<BookPage />);
  await waitFor(() => expect(document.getElementById('book-summary')).not.toBeNull());
}

beforeEach(() => {
  resetPositionForTests();
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { hallId: 'GA44010601', business: 'HZ02' };
  hallMock.mockResolvedValue(hallDetail());
  hallsMock.mockResolvedValue(hallList());
  slotsMock.mockImplementation(async (_hall, _business, date) => slotList({ date }));
});

describe('预约办事 steps, each a page of its own', () => {
  it('when nothing is given, then business, hall (by district without a position) and time each open as the next page', async () => {
    // Arrange
    routerStub.params = {};
    taroStub.getLocation.mockRejectedValueOnce(new Error('denied'));
    const first = render(<BookPage />);
    await waitFor(() => expect(document.getElementById('book-businesses')).not.toBeNull());

    // Act: the business, then (on the page it opens) the hall.
    fireEvent.click(byId('book-business-HZ02'));
    const toHall = `${BOOK}?business=HZ02&step=hall`;
    first.unmount();
    routerStub.params = { business: 'HZ02', step: 'hall' };
    render(<BookPage />);
    await waitFor(() => expect(document.getElementById('book-district')).not.toBeNull());
    fireEvent.click(byId('book-district-海珠'));
    await waitFor(() => expect(hallsMock).toHaveBeenLastCalledWith(expect.objectContaining({ district: '海珠区' })));
    await waitFor(() => expect(document.getElementById('book-hall-GA44010601')).not.toBeNull());
    fireEvent.click(byId('book-hall-GA44010601'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenNthCalledWith(1, { url: toHall });
    expect(taroStub.navigateTo).toHaveBeenNthCalledWith(2, {
      url: `${BOOK}?business=HZ02&hallId=GA44010601&step=time`,
    });
    expect(byId('book-step-business').getAttribute('data-state')).toBe('done');
    expect(byId('book-step-hall').getAttribute('data-state')).toBe('current');
    expect(hallsMock).toHaveBeenLastCalledWith(expect.objectContaining({ business: 'HZ02', position: null }));
  });

  it('when the time step is reloaded after a day and slot were chosen, then both are chosen again', async () => {
    // Arrange: 天河 and 居民身份证 given; the second day and its 09:00 chosen.
    const page = render(<BookPage />);
    await waitFor(() => expect(document.getElementById('book-slots-grid')).not.toBeNull());
    fireEvent.click(byId(`book-slots-date-${DAYS[1] ?? ''}`));
    await waitFor(() => expect(slotsMock).toHaveBeenLastCalledWith('GA44010601', 'HZ02', DAYS[1]));
    await waitFor(() => expect(document.getElementById('book-slots-grid')).not.toBeNull());
    fireEvent.click(byId('book-slots-slot-S0900'));

    // Act: the page is loaded again from its URL.
    page.unmount();
    render(<BookPage />);

    // Assert
    await waitFor(() => expect(byId('book-slots-slot-S0900').getAttribute('aria-checked')).toBe('true'));
    expect(byId(`book-slots-date-${DAYS[1] ?? ''}`).getAttribute('aria-checked')).toBe('true');
    expect(text('book-next')).toBe('下一步');
    fireEvent.click(byId('book-next'));
    expect(taroStub.navigateTo).toHaveBeenLastCalledWith({
      url: `${BOOK}?business=HZ02&hallId=GA44010601&date=${DAYS[1] ?? ''}&slot=S0900&step=confirm`,
    });
  });

  it('when 上一步 is tapped with the time step below, then it goes back to that page; without it, the time step replaces this one', async () => {
    // Arrange: the stack as 下一步 left it (weapp pages carry their options).
    taroStub.getCurrentPages.mockReturnValueOnce([
      { route: 'packages/halls/pages/hall/index' },
      { route: 'packages/halls/pages/book/index', options: { hallId: 'GA44010601', business: 'HZ02' } },
      { route: 'packages/halls/pages/book/index', options: { ...CONFIRM } },
    ] as Array<{ route: string }>);
    await reachConfirm();

    // Act
    fireEvent.click(byId('book-back'));
    taroStub.getCurrentPages.mockReturnValueOnce([{ route: 'packages/halls/pages/book/index' }]);
    fireEvent.click(byId('book-back'));

    // Assert
    expect(taroStub.navigateBack).toHaveBeenCalledWith({ delta: 1 });
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `${BOOK}?business=HZ02&hallId=GA44010601&date=${DAYS[0] ?? ''}&step=time`,
    });
  });

  it('when a done step is tapped, then the flow goes back to it', async () => {
    // Arrange
    await reachConfirm();

    // Act
    fireEvent.click(byId('book-step-business'));

    // Assert
    expect(taroStub.redirectTo).toHaveBeenCalledWith({ url: `${BOOK}?business=HZ02&hallId=GA44010601&step=business` });
  });
});

describe('预约办事 confirm', () => {
  it('when booking for myself without typing a phone, then the account’s phone is used and the booking opens', async () => {
    // Arrange
    createMock.mockResolvedValue(appointment());
    await reachConfirm();

    // Act
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() =>
      expect(taroStub.redirectTo).toHaveBeenCalledWith({
        url: '/packages/halls/pages/appointment/index?id=YY2026112800001',
      }),
    );
    expect(text('field-phone-locked')).toContain('138****1234');
    expect(createMock.mock.calls[0]?.[0]).toEqual({
      hallId: 'GA44010601',
      business: 'HZ02',
      date: DAYS[0],
      slotId: 'S0900',
    });
    expect(createMock.mock.calls[0]?.[1]).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('when another phone is chosen, then it is checked and sent', async () => {
    // Arrange
    createMock.mockResolvedValue(appointment());
    await reachConfirm();

    // Act
    fireEvent.click(byId('phone-switch'));
    typeInto('phone', '13800138000');
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() => expect(createMock).toHaveBeenCalledTimes(1));
    expect(createMock.mock.calls[0]?.[0].phone).toBe('13800138000');
  });

  it('when the wizard was entered from a hall, then after booking its pages are left and the booking opens above the hall', async () => {
    // Arrange
    createMock.mockResolvedValue(appointment());
    const stack = [
      { route: 'packages/halls/pages/detail/index' },
      { route: 'packages/halls/pages/book/index', options: { hallId: 'GA44010601', business: 'HZ02' } },
      { route: 'packages/halls/pages/book/index', options: { ...CONFIRM } },
    ] as Array<{ route: string }>;
    await reachConfirm();
    taroStub.getCurrentPages.mockReturnValueOnce(stack);

    // Act
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() =>
      expect(taroStub.navigateTo).toHaveBeenCalledWith({
        url: '/packages/halls/pages/appointment/index?id=YY2026112800001',
      }),
    );
    expect(taroStub.navigateBack).toHaveBeenCalledWith({ delta: 2 });
  });
  it('when booking for someone else with a wrong ID checksum and no consent, then both are flagged and nothing is sent', async () => {
    // Arrange
    await reachConfirm();
    toggleForOther();
    await waitFor(() => expect(document.getElementById('book-other')).not.toBeNull());

    // Act
    typeInto('for-name', '李秀英');
    typeInto('for-idNumber', WRONG_ID);
    typeInto('for-phone', '13900139000');
    typeInto('for-relation', '母亲');
    fireEvent.click(byId('book-submit'));

    // Assert
    expect(text('field-for-idNumber-error')).toBe('请填写有效的 18 位居民身份证号码');
    expect(text('book-consent-error')).toBe('代他人预约须取得其本人同意');
    expect(createMock).not.toHaveBeenCalled();
  });

  it('when someone else is filled correctly with consent, then the `for` block is sent', async () => {
    // Arrange
    createMock.mockResolvedValue(appointment({ forSomeoneElse: true }));
    await reachConfirm();
    toggleForOther();
    await waitFor(() => expect(document.getElementById('book-other')).not.toBeNull());

    // Act
    typeInto('for-name', '李秀英');
    typeInto('for-idNumber', VALID_ID);
    typeInto('for-phone', '13900139000');
    typeInto('for-relation', '母亲');
    fireEvent.click(byId('book-consent'));
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() => expect(createMock).toHaveBeenCalledTimes(1));
    expect(createMock.mock.calls[0]?.[0].for).toEqual({
      name: '李秀英',
      idNumber: VALID_ID,
      phone: '13900139000',
      relation: '母亲',
      consent: true,
    });
  });

  it('when the slot filled up meanwhile, then the time step opens again with SLOT_FULL over freshly loaded slots', async () => {
    // Arrange
    createMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段或其他大厅' }),
    );
    routerStub.params = { ...CONFIRM };
    const confirm = render(<BookPage />);
    await waitFor(() => expect(document.getElementById('book-summary')).not.toBeNull());

    // Act
    fireEvent.click(byId('book-submit'));
    await waitFor(() =>
      expect(taroStub.redirectTo).toHaveBeenCalledWith({
        url: `${BOOK}?business=HZ02&hallId=GA44010601&date=${DAYS[0] ?? ''}&step=time`,
      }),
    );
    confirm.unmount();
    routerStub.params = { hallId: 'GA44010601', business: 'HZ02', date: DAYS[0] ?? '', step: 'time' };
    render(<BookPage />);

    // Assert
    await waitFor(() => expect(text('book-slot-gone')).toBe('该时段已约满，请选择其他时段或其他大厅'));
    await waitFor(() => expect(document.getElementById('book-slots-grid')).not.toBeNull());
    expect(slotsMock).toHaveBeenLastCalledWith('GA44010601', 'HZ02', DAYS[0]);
    expect(byId('book-slots-slot-S0900').getAttribute('aria-checked')).toBe('false');
    expect(text('book-next')).toBe('请选择时段');
  });

  it('when the chosen slot is no longer open as the confirm step loads, then it says so and offers the time step', async () => {
    // Arrange
    slotsMock.mockImplementation(async (_hall, _business, date) =>
      slotList({ date, items: [slot({ remaining: 0, greenRemaining: 0, available: false, past: true })] }),
    );

    // Act
    routerStub.params = { ...CONFIRM };
    render(<BookPage />);

    // Assert
    await waitFor(() => expect(document.getElementById('book-slot-unavailable')).not.toBeNull());
    expect(document.getElementById('book-submit')).toBeNull();
  });

  it('when the person is not verified, then 实名认证 opens and comes back to this very step', async () => {
    // Arrange
    createMock.mockRejectedValue(new ApiError({ status: 403, code: 'REAL_NAME_REQUIRED', message: '请先实名认证' }));
    await reachConfirm();

    // Act
    fireEvent.click(byId('book-submit'));

    // Assert
    const back = `${BOOK}?business=HZ02&hallId=GA44010601&date=${DAYS[0] ?? ''}&slot=S0900&step=confirm`;
    await waitFor(() =>
      expect(taroStub.navigateTo).toHaveBeenCalledWith({
        url: `/packages/apply/pages/real-name/index?next=${encodeURIComponent(back)}`,
      }),
    );
  });
});
