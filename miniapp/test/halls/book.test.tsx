import { fireEvent, render, waitFor } from '@testing-library/react';
import { idNumberCheckChar } from '@suijing/shared/validators';
import BookPage from '@/packages/halls/pages/book';
import { resetPositionForTests } from '@/packages/halls/state/location';
import { ApiError } from '@/services/api-error';
import { createAppointment } from '@/services/appointments';
import { fetchHall, listHalls, listSlots } from '@/services/halls';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { appointment, DAYS, hallDetail, hallList, slotList } from '../fixtures/halls';
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

/** From 大厅详情 (hall and business given) to the confirm step with the 09:00 slot chosen. */
async function reachConfirm(): Promise<void> {
  render(<BookPage />);
  await waitFor(() => expect(document.getElementById('book-slots-grid')).not.toBeNull());
  fireEvent.click(byId('book-slots-slot-S0900'));
  fireEvent.click(byId('book-next'));
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

describe('预约办事 steps', () => {
  it('when nothing is given, then business, hall (by district without a position) and time follow each other', async () => {
    // Arrange
    routerStub.params = {};
    taroStub.getLocation.mockRejectedValueOnce(new Error('denied'));
    render(<BookPage />);
    await waitFor(() => expect(document.getElementById('book-businesses')).not.toBeNull());

    // Act
    fireEvent.click(byId('book-business-HZ02'));
    await waitFor(() => expect(document.getElementById('book-district')).not.toBeNull());
    fireEvent.click(byId('book-district-海珠'));
    await waitFor(() => expect(hallsMock).toHaveBeenLastCalledWith(expect.objectContaining({ district: '海珠区' })));
    await waitFor(() => expect(document.getElementById('book-hall-GA44010601')).not.toBeNull());
    fireEvent.click(byId('book-hall-GA44010601'));

    // Assert
    await waitFor(() => expect(document.getElementById('book-slots-grid')).not.toBeNull());
    expect(byId('book-step-business').getAttribute('data-state')).toBe('done');
    expect(byId('book-step-time').getAttribute('data-state')).toBe('current');
    expect(hallsMock).toHaveBeenLastCalledWith(expect.objectContaining({ business: 'HZ02', position: null }));
  });

  it('when a done step is tapped, then the flow goes back to it', async () => {
    // Arrange
    await reachConfirm();

    // Act
    fireEvent.click(byId('book-step-time'));

    // Assert
    await waitFor(() => expect(document.getElementById('book-slots-grid')).not.toBeNull());
    expect(byId('book-slots-slot-S0900').getAttribute('aria-checked')).toBe('true');
  });
});

describe('预约办事 confirm', () => {
  it('when booking for myself, then the request goes with the SMS phone and the booking opens', async () => {
    // Arrange
    createMock.mockResolvedValue(appointment());
    await reachConfirm();

    // Act
    typeInto('phone', '13800138000');
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() =>
      expect(taroStub.redirectTo).toHaveBeenCalledWith({
        url: '/packages/halls/pages/appointment/index?id=YY2026112800001',
      }),
    );
    expect(createMock.mock.calls[0]?.[0]).toEqual({
      hallId: 'GA44010601',
      business: 'HZ02',
      date: DAYS[0],
      slotId: 'S0900',
      phone: '13800138000',
    });
    expect(createMock.mock.calls[0]?.[1]).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('when booking for someone else with a wrong ID checksum and no consent, then both are flagged and nothing is sent', async () => {
    // Arrange
    await reachConfirm();
    typeInto('phone', '13800138000');
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
    typeInto('phone', '13800138000');
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

  it('when the slot filled up meanwhile, then SLOT_FULL shows over freshly loaded slots', async () => {
    // Arrange
    createMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段或其他大厅' }),
    );
    await reachConfirm();
    const loads = slotsMock.mock.calls.length;

    // Act
    typeInto('phone', '13800138000');
    fireEvent.click(byId('book-submit'));

    // Assert
    await waitFor(() => expect(text('book-slot-gone')).toBe('该时段已约满，请选择其他时段或其他大厅'));
    await waitFor(() => expect(document.getElementById('book-slots-grid')).not.toBeNull());
    expect(slotsMock.mock.calls.length).toBeGreaterThan(loads);
    expect(slotsMock).toHaveBeenLastCalledWith('GA44010601', 'HZ02', DAYS[0]);
    expect(byId('book-slots-slot-S0900').getAttribute('aria-checked')).toBe('false');
    expect(text('book-next')).toBe('请选择时段');
  });

  it('when the person is not verified, then 实名认证 opens and comes back to this hall and business', async () => {
    // Arrange
    createMock.mockRejectedValue(new ApiError({ status: 403, code: 'REAL_NAME_REQUIRED', message: '请先实名认证' }));
    await reachConfirm();

    // Act
    typeInto('phone', '13800138000');
    fireEvent.click(byId('book-submit'));

    // Assert
    const back = '/packages/halls/pages/book/index?business=HZ02&hallId=GA44010601';
    await waitFor(() =>
      expect(taroStub.navigateTo).toHaveBeenCalledWith({
        url: `/packages/apply/pages/real-name/index?next=${encodeURIComponent(back)}`,
      }),
    );
  });
});
