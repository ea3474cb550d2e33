import { act, fireEvent, render, waitFor } from '@testing-library/react';
import TicketPage from '@/packages/halls/pages/ticket';
import { TICKET_POLL_SECONDS } from '@/packages/halls/hooks/useTicketPolling';
import { ApiError } from '@/services/api-error';
import { fetchTicket, takeTicket } from '@/services/appointments';
import { fetchHall } from '@/services/halls';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { hallDetail, ticket } from '../fixtures/halls';
import { byId } from '../support/dom';
import { pageEvents, routerStub, taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/appointments', () => ({ fetchTicket: jest.fn(), takeTicket: jest.fn() }));
jest.mock('@/services/halls', () => ({ fetchHall: jest.fn() }));
const fetchMock = jest.mocked(fetchTicket);
const takeMock = jest.mocked(takeTicket);
const hallMock = jest.mocked(fetchHall);
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
  await flush();
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
});

describe('我的排队号 polling', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(2026, 10, 28, 16, 0, 0) });
    routerStub.params = { id: 'T20261128A023' };
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('when 15 s pass while waiting, then the ticket is fetched again and the new position shows', async () => {
    // Arrange
    fetchMock.mockResolvedValueOnce(ticket()).mockResolvedValueOnce(ticket({ ahead: 1, estimatedWaitMinutes: 4 }));
    render(<TicketPage />);
    await flush();
    expect(text('ticket-number')).toBe('A023');
    expect(text('ticket-ahead')).toBe('前面还有 3 人');

    // Act
    await advance((TICKET_POLL_SECONDS - 1) * 1000);
    const before = fetchMock.mock.calls.length;
    await advance(1000);

    // Assert
    expect(before).toBe(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(text('ticket-ahead')).toBe('前面还有 1 人');
    expect(text('ticket-wait')).toBe('预计等候 4 分钟');
    expect(text('ticket-updated')).toContain('每 15 秒自动刷新');
  });

  it('when the ticket is called and then done, then the window shows and polling stops', async () => {
    // Arrange
    fetchMock
      .mockResolvedValueOnce(ticket())
      .mockResolvedValueOnce(ticket({ status: 'called', statusText: '请到窗口', ahead: 0, window: '5 号窗口' }))
      .mockResolvedValueOnce(ticket({ status: 'done', statusText: '已办结', ahead: 0 }));
    render(<TicketPage />);
    await flush();

    // Act
    await advance(TICKET_POLL_SECONDS * 1000);
    const windowText = text('ticket-window');
    await advance(TICKET_POLL_SECONDS * 1000);
    await advance(TICKET_POLL_SECONDS * 5000);

    // Assert
    expect(windowText).toBe('请到 5 号窗口 办理');
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(text('ticket-status')).toBe('已办结');
    expect(document.getElementById('ticket-ahead')).toBeNull();
  });

  it('when a refresh fails, then the last position stays with the failure and the next tick retries', async () => {
    // Arrange
    fetchMock
      .mockResolvedValueOnce(ticket())
      .mockRejectedValueOnce(
        new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '排队系统暂时无法访问' }),
      )
      .mockResolvedValueOnce(ticket({ ahead: 2 }));
    render(<TicketPage />);
    await flush();

    // Act
    await advance(TICKET_POLL_SECONDS * 1000);
    const failure = text('ticket-refresh-error');
    await advance(TICKET_POLL_SECONDS * 1000);

    // Assert
    expect(failure).toContain('排队系统暂时无法访问');
    expect(text('ticket-ahead')).toBe('前面还有 2 人');
    expect(document.getElementById('ticket-refresh-error')).toBeNull();
  });

  it('when the page is hidden, then polling pauses; shown again, it refreshes at once', async () => {
    // Arrange
    fetchMock.mockResolvedValue(ticket());
    render(<TicketPage />);
    await flush();

    // Act
    act(() => pageEvents.hide());
    await advance(TICKET_POLL_SECONDS * 4000);
    const whileHidden = fetchMock.mock.calls.length;
    act(() => pageEvents.show());
    await flush();

    // Assert
    expect(whileHidden).toBe(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('when the page is left, then no timer fetches in the background', async () => {
    // Arrange
    fetchMock.mockResolvedValue(ticket());
    const { unmount } = render(<TicketPage />);
    await flush();

    // Act
    unmount();
    await advance(TICKET_POLL_SECONDS * 4000);

    // Assert
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('远程取号', () => {
  beforeEach(() => {
    routerStub.params = { hallId: 'GA44010601', business: 'CR02' };
    hallMock.mockResolvedValue(hallDetail());
  });

  function typePhone(value: string): void {
    const host = byId('field-phone-input');
    const input = (host.matches('input') ? host : host.querySelector('input')) as HTMLInputElement;
    fireEvent.change(input, { target: { value } });
    fireEvent.input(input, { target: { value } });
  }

  it('when the hall is outside its hours, then TICKET_CLOSED is shown plainly', async () => {
    // Arrange
    takeMock.mockRejectedValue(
      new ApiError({
        status: 409,
        code: 'TICKET_CLOSED',
        message: '当前不在取号时间内，请在大厅开放时间内（开门前 30 分钟起）取号',
      }),
    );
    render(<TicketPage />);
    await waitFor(() => expect(document.getElementById('ticket-take')).not.toBeNull());

    // Act
    fireEvent.click(byId('phone-switch'));
    typePhone('13800138000');
    fireEvent.click(byId('ticket-submit'));

    // Assert
    await waitFor(() => expect(document.getElementById('ticket-closed')).not.toBeNull());
    expect(text('ticket-closed')).toContain('当前不在取号时间内');
    expect(byId('ticket-business-CR02').getAttribute('aria-checked')).toBe('true');
    expect(takeMock.mock.calls[0]?.slice(0, 2)).toEqual(['GA44010601', { business: 'CR02', phone: '13800138000' }]);
  });

  it('when a ticket is taken without typing, then the account’s phone is used and the page moves to 我的排队号', async () => {
    // Arrange
    takeMock.mockResolvedValue(ticket());
    render(<TicketPage />);
    await waitFor(() => expect(document.getElementById('ticket-take')).not.toBeNull());

    // Act
    fireEvent.click(byId('ticket-submit'));

    // Assert
    await waitFor(() =>
      expect(taroStub.redirectTo).toHaveBeenCalledWith({ url: '/packages/halls/pages/ticket/index?id=T20261128A023' }),
    );
    expect(text('field-phone-locked')).toContain('138****1234');
    expect(takeMock.mock.calls[0]?.[1]).toEqual({ business: 'CR02' });
  });

  it('when the account has no phone (a WeChat login), then one must be typed', async () => {
    // Arrange
    setAuthenticated({ ...TEST_USER, phoneMasked: null, loginMethod: 'wechat' });
    render(<TicketPage />);
    await waitFor(() => expect(document.getElementById('ticket-take')).not.toBeNull());

    // Act
    fireEvent.click(byId('ticket-submit'));

    // Assert
    expect(document.getElementById('phone-switch')).toBeNull();
    expect(text('field-phone-error')).toBe('请输入 11 位手机号码');
    expect(takeMock).not.toHaveBeenCalled();
  });

  it('when the phone is wrong, then nothing is sent and the field says why', async () => {
    // Arrange
    render(<TicketPage />);
    await waitFor(() => expect(document.getElementById('ticket-take')).not.toBeNull());

    // Act
    fireEvent.click(byId('phone-switch'));
    typePhone('12345');
    fireEvent.click(byId('ticket-submit'));

    // Assert
    expect(text('field-phone-error')).toBe('请输入 11 位手机号码');
    expect(takeMock).not.toHaveBeenCalled();
  });
});
