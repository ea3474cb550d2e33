import { fireEvent, render, waitFor } from '@testing-library/react';
import AppointmentPage from '@/packages/halls/pages/appointment';
import AppointmentsPage from '@/packages/halls/pages/appointments';
import { ApiError } from '@/services/api-error';
import { cancelAppointment, fetchAppointment, listAppointments, rescheduleAppointment } from '@/services/appointments';
import { listSlots } from '@/services/halls';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { appointment, appointmentList, DAYS, slotList } from '../fixtures/halls';
import { byId } from '../support/dom';
import { routerStub, taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/appointments', () => ({
  cancelAppointment: jest.fn(),
  fetchAppointment: jest.fn(),
  listAppointments: jest.fn(),
  rescheduleAppointment: jest.fn(),
}));
jest.mock('@/services/halls', () => ({ listSlots: jest.fn() }));
const fetchMock = jest.mocked(fetchAppointment);
const cancelMock = jest.mocked(cancelAppointment);
const rescheduleMock = jest.mocked(rescheduleAppointment);
const listMock = jest.mocked(listAppointments);
const slotsMock = jest.mocked(listSlots);
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { id: 'YY2026112800001' };
  fetchMock.mockResolvedValue(appointment());
  slotsMock.mockImplementation(async (_hall, _business, date) => slotList({ date }));
});

async function renderAppointment(): Promise<void> {
  render(<AppointmentPage />);
  await waitFor(() => expect(document.getElementById('appointment-info')).not.toBeNull());
}

describe('预约详情', () => {
  it('when it loads, then the booking number, QR code, time and masked person show', async () => {
    // Act
    await renderAppointment();

    // Assert
    expect(text('appointment-number')).toContain('YY2026112800001');
    expect(byId('appointment-qr').getAttribute('data-value')).toBe('appt-qr-1');
    expect(text('appointment-time')).toBe('2026年11月30日 周一 09:00-09:30');
    expect(text('appointment-person')).toContain('4401**********1234');
    expect(document.getElementById('appointment-green')).toBeNull();
  });

  it('when 取消预约 is confirmed, then the booking is cancelled and shown so, without its actions', async () => {
    // Arrange
    cancelMock.mockResolvedValue(
      appointment({ status: 'cancelled', statusText: '已取消', canCancel: false, canReschedule: false, qr: undefined }),
    );
    await renderAppointment();

    // Act
    fireEvent.click(byId('appointment-cancel'));
    await waitFor(() => expect(document.getElementById('appointment-cancel-dialog-confirm')).not.toBeNull());
    fireEvent.click(byId('appointment-cancel-dialog-confirm'));

    // Assert
    await waitFor(() => expect(text('appointment-status')).toBe('已取消'));
    expect(cancelMock).toHaveBeenCalledWith('YY2026112800001');
    expect(document.getElementById('appointment-cancel')).toBeNull();
    expect(document.getElementById('appointment-qr')).toBeNull();
  });

  it('when the dialog is dismissed, then nothing is cancelled', async () => {
    // Arrange
    await renderAppointment();

    // Act
    fireEvent.click(byId('appointment-cancel'));
    await waitFor(() => expect(document.getElementById('appointment-cancel-dialog-cancel')).not.toBeNull());
    fireEvent.click(byId('appointment-cancel-dialog-cancel'));

    // Assert
    expect(cancelMock).not.toHaveBeenCalled();
  });

  it('when the cancel is refused (state conflict), then the message shows', async () => {
    // Arrange
    cancelMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'APPOINTMENT_STATE_CONFLICT', message: '该预约当前状态不能取消或改约' }),
    );
    await renderAppointment();

    // Act
    fireEvent.click(byId('appointment-cancel'));
    await waitFor(() => expect(document.getElementById('appointment-cancel-dialog-confirm')).not.toBeNull());
    fireEvent.click(byId('appointment-cancel-dialog-confirm'));

    // Assert
    await waitFor(() => expect(text('appointment-error')).toBe('该预约当前状态不能取消或改约'));
  });

  it('when 改约 picks another slot of the same hall and business, then it is rescheduled to it', async () => {
    // Arrange
    rescheduleMock.mockResolvedValue(appointment({ date: DAYS[1], from: '10:00', to: '10:30' }));
    await renderAppointment();

    // Act
    fireEvent.click(byId('appointment-reschedule'));
    await waitFor(() => expect(document.getElementById('reschedule-slots-grid')).not.toBeNull());
    fireEvent.click(byId(`reschedule-slots-date-${DAYS[1]}`));
    await waitFor(() => expect(slotsMock).toHaveBeenLastCalledWith('GA44010601', 'HZ02', DAYS[1]));
    await waitFor(() => expect(document.getElementById('reschedule-slots-grid')).not.toBeNull());
    fireEvent.click(byId('reschedule-slots-slot-S1000'));
    const button = text('reschedule-submit');
    fireEvent.click(byId('reschedule-submit'));

    // Assert: the button named the day as well as the time.
    expect(button).toBe('改到 12月1日 10:00');
    await waitFor(() => expect(text('appointment-time')).toContain('10:00-10:30'));
    expect(rescheduleMock).toHaveBeenCalledWith('YY2026112800001', { date: DAYS[1], slotId: 'S1000' });
    expect(document.getElementById('reschedule')).toBeNull();
  });

  it('when the new slot filled up meanwhile, then SLOT_FULL shows and the slots load again', async () => {
    // Arrange
    rescheduleMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段或其他大厅' }),
    );
    await renderAppointment();
    fireEvent.click(byId('appointment-reschedule'));
    await waitFor(() => expect(document.getElementById('reschedule-slots-grid')).not.toBeNull());
    const loads = slotsMock.mock.calls.length;

    // Act
    fireEvent.click(byId('reschedule-slots-slot-S1000'));
    fireEvent.click(byId('reschedule-submit'));

    // Assert
    await waitFor(() => expect(text('reschedule-error')).toBe('该时段已约满，请选择其他时段或其他大厅'));
    await waitFor(() => expect(slotsMock.mock.calls.length).toBe(loads + 1));
    expect(byId('reschedule-slots-slot-S1000').getAttribute('aria-checked')).toBe('false');
  });
});

describe('我的预约', () => {
  it('when bookings are blocked, then the notice names the day and the card opens the booking', async () => {
    // Arrange
    listMock.mockResolvedValue(appointmentList({ noShows: 3, blockedUntil: '2026-12-05' }));

    // Act
    render(<AppointmentsPage />);
    await waitFor(() => expect(document.getElementById('appointments-list')).not.toBeNull());
    fireEvent.click(byId('appointment-YY2026112800001'));

    // Assert
    expect(text('appointments-quota')).toContain('近 90 天爽约 3 次，12月5日起才能再次预约');
    expect(text('appointment-YY2026112800001-status')).toBe('待办理');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/halls/pages/appointment/index?id=YY2026112800001',
    });
  });

  it('when the person is not verified, then 实名认证 is offered with the way back', async () => {
    // Arrange
    listMock.mockRejectedValue(new ApiError({ status: 403, code: 'REAL_NAME_REQUIRED', message: '请先实名认证' }));

    // Act
    render(<AppointmentsPage />);
    await waitFor(() => expect(document.getElementById('appointments-unverified')).not.toBeNull());
    fireEvent.click(byId('appointments-go-real-name'));

    // Assert
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `/packages/apply/pages/real-name/index?next=${encodeURIComponent('/packages/halls/pages/appointments/index')}`,
    });
  });
});
