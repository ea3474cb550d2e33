import type { AppointmentRequest } from '@suijing/shared';
import { resetApiClientForTests } from '@/services/api-client';
import {
  cancelAppointment,
  createAppointment,
  fetchAppointment,
  fetchTicket,
  listAppointments,
  rescheduleAppointment,
  takeTicket,
} from '@/services/appointments';
import {
  fetchHall,
  fetchRecommendation,
  hallListPath,
  listHalls,
  listSlots,
  listStations,
  stationsPath,
} from '@/services/halls';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { bookAppointment, takeHallTicket } from '@/packages/halls/services/submit';
import { lastTicket } from '@/packages/halls/state/last-ticket';
import { taroStub, type RequestOptionLike } from '../stubs/taro';
import { appointment, ticket } from '../fixtures/halls';

const REQUEST: AppointmentRequest = {
  hallId: 'GA44010601',
  business: 'HZ02',
  date: '2026-11-30',
  slotId: 'S0900',
  phone: '13800138000',
};
const POSITION = { lat: 23.129163789, lng: 113.264435123 };

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

const ok = (data: unknown) => ({ statusCode: 200, data, header: {} });
const keyOf = (call: [RequestOptionLike] | undefined): string | undefined => call?.[0].header?.['Idempotency-Key'];
const calls = (): RequestOptionLike[] => taroStub.request.mock.calls.map(([options]) => options);

describe('hall service paths', () => {
  it('when the public reads are called, then they GET their routes without a token', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok({}));

    // Act
    await listHalls({ position: POSITION, business: 'HZ02' });
    await fetchRecommendation('CR02', POSITION);
    await fetchHall('GA44010601');
    await listSlots('GA44010601', 'HZ02', '2026-11-30');
    await listStations({ position: POSITION, kind: 'station', service: '港澳签注', page: 2 });

    // Assert
    expect(calls().map((c) => [c.method, c.url])).toEqual([
      ['GET', '/api/v1/halls?lat=23.1292&lng=113.2644&business=HZ02'],
      ['GET', '/api/v1/halls/recommend?business=CR02&lat=23.1292&lng=113.2644'],
      ['GET', '/api/v1/halls/GA44010601'],
      ['GET', '/api/v1/halls/GA44010601/slots?business=HZ02&date=2026-11-30'],
      [
        'GET',
        `/api/v1/stations?lat=23.1292&lng=113.2644&service=${encodeURIComponent('港澳签注')}&kind=station&page=2&pageSize=20`,
      ],
    ]);
    expect(calls().every((c) => c.header?.Authorization === undefined)).toBe(true);
  });

  it('when there is no position, then the district is sent (encoded); with a position the district is left out', () => {
    // Act + Assert
    expect(hallListPath({ district: '天河区' })).toBe(`/api/v1/halls?district=${encodeURIComponent('天河区')}`);
    expect(hallListPath({ position: POSITION, district: '天河区' })).toBe('/api/v1/halls?lat=23.1292&lng=113.2644');
    expect(hallListPath({})).toBe('/api/v1/halls');
  });

  it('when all kinds are asked for, then kind is left out and the page defaults to 1', () => {
    // Act + Assert
    expect(stationsPath({ kind: 'all' })).toBe('/api/v1/stations?page=1&pageSize=20');
  });

  it('when the personal routes are called, then they carry the token and the right method', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok({}));

    // Act
    await listAppointments();
    await fetchAppointment('YY2026112800001');
    await cancelAppointment('YY2026112800001');
    await rescheduleAppointment('YY2026112800001', { date: '2026-12-01', slotId: 'S1000' });
    await fetchTicket('T20261128A023');

    // Assert
    expect(calls().map((c) => [c.method, c.url])).toEqual([
      ['GET', '/api/v1/appointments'],
      ['GET', '/api/v1/appointments/YY2026112800001'],
      ['POST', '/api/v1/appointments/YY2026112800001/cancel'],
      ['POST', '/api/v1/appointments/YY2026112800001/reschedule'],
      ['GET', '/api/v1/tickets/T20261128A023'],
    ]);
    expect(calls()[3]?.data).toEqual({ date: '2026-12-01', slotId: 'S1000' });
    expect(calls().every((c) => c.header?.Authorization === 'Bearer access')).toBe(true);
  });

  it('when a booking and a ticket are sent, then they POST the body with the given Idempotency-Key', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({ statusCode: 201, data: {}, header: {} });

    // Act
    await createAppointment(REQUEST, 'key-appointment-01');
    await takeTicket('GA44010601', { business: 'HZ02', phone: '13800138000' }, 'key-ticket-000001');

    // Assert
    expect(calls()[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/appointments',
      data: REQUEST,
      header: { 'Idempotency-Key': 'key-appointment-01' },
    });
    expect(calls()[1]).toMatchObject({
      method: 'POST',
      url: '/api/v1/halls/GA44010601/tickets',
      data: { business: 'HZ02', phone: '13800138000' },
      header: { 'Idempotency-Key': 'key-ticket-000001' },
    });
  });
});

describe('booking and ticket attempts (Idempotency-Key)', () => {
  it('when the first try of a booking meets a network error, then the quiet retry reuses the key', async () => {
    // Arrange
    taroStub.request
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ statusCode: 201, data: appointment(), header: {} });

    // Act
    const booked = await bookAppointment(REQUEST, 0);

    // Assert
    expect(booked.id).toBe('YY2026112800001');
    const all = taroStub.request.mock.calls;
    expect(all).toHaveLength(2);
    expect(keyOf(all[0])).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(keyOf(all[1])).toBe(keyOf(all[0]));
  });

  it('when a failed booking is tapped again, then the same key goes; another slot is a new attempt', async () => {
    // Arrange
    const unavailable = { statusCode: 503, data: { error: { code: 'UPSTREAM_UNAVAILABLE' } }, header: {} };
    taroStub.request
      .mockResolvedValueOnce(unavailable)
      .mockResolvedValueOnce(unavailable)
      .mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'SLOT_FULL' } }, header: {} })
      .mockResolvedValueOnce({ statusCode: 201, data: appointment(), header: {} });

    // Act
    await expect(bookAppointment(REQUEST, 0)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await expect(bookAppointment(REQUEST, 0)).rejects.toMatchObject({ code: 'SLOT_FULL' });
    await bookAppointment({ ...REQUEST, slotId: 'S1000' }, 0);

    // Assert
    const keys = taroStub.request.mock.calls.map((call) => keyOf(call));
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[2]);
  });

  it('when a ticket is taken, then its key is reused on retry and the ticket is remembered for today', async () => {
    // Arrange
    taroStub.request
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ statusCode: 201, data: ticket(), header: {} });

    // Act
    const taken = await takeHallTicket('GA44010601', { business: 'HZ02', phone: '13800138000' }, 0);

    // Assert
    expect(taken.number).toBe('A023');
    const keys = taroStub.request.mock.calls.map((call) => keyOf(call));
    expect(keys[1]).toBe(keys[0]);
    expect(lastTicket('2026-11-28')).toEqual({ id: 'T20261128A023', number: 'A023' });
    expect(lastTicket('2026-11-29')).toBeNull();
  });
});
