import { fireEvent, render, waitFor } from '@testing-library/react';
import { SlotPicker, type SlotChoice } from '@/packages/halls/components/SlotPicker';
import { ApiError } from '@/services/api-error';
import { listSlots } from '@/services/halls';
import { DAYS, slot, slotList } from '../fixtures/halls';
import { byId } from '../support/dom';

jest.mock('@/services/halls', () => ({ listSlots: jest.fn() }));
const slotsMock = jest.mocked(listSlots);

function renderPicker(onChoose = jest.fn<void, [SlotChoice | null]>()): jest.Mock<void, [SlotChoice | null]> {
  render(<SlotPicker id="slots" hallId="GA44010601" business="HZ02" chosen={null} onChoose={onChoose} />);
  return onChoose;
}

describe('slot grid', () => {
  it('when the day is under way, then the slots already started read 已过 and the full ones 已约满', async () => {
    // Arrange
    slotsMock.mockImplementation(async (_hall, _business, date) =>
      slotList({
        date: date ?? DAYS[0],
        items: [
          slot({ id: 'S0900', remaining: 0, greenRemaining: 0, available: false, past: true }),
          slot({ id: 'S0930', from: '09:30', to: '10:00', remaining: 0, greenRemaining: 0, available: false }),
        ],
      }),
    );

    // Act
    renderPicker();
    await waitFor(() => expect(document.getElementById('slots-grid')).not.toBeNull());

    // Assert
    expect(byId('slots-slot-S0900').textContent).toContain('已过');
    expect(byId('slots-slot-S0900').getAttribute('data-state')).toBe('past');
    expect(byId('slots-slot-S0930').textContent).toContain('已约满');
  });

  it('when no day is chosen, then the BFF picks the first bookable day, fetched once and shown as chosen', async () => {
    // Arrange
    slotsMock.mockImplementation(async (_hall, _business, date) => slotList({ date: date ?? DAYS[0] }));

    // Act
    renderPicker();
    await waitFor(() => expect(document.getElementById('slots-grid')).not.toBeNull());

    // Assert
    expect(slotsMock).toHaveBeenCalledTimes(1);
    expect(slotsMock).toHaveBeenLastCalledWith('GA44010601', 'HZ02', undefined);
    expect(byId(`slots-date-${DAYS[0]}`).getAttribute('aria-checked')).toBe('true');
    expect(byId('slots-green-note').textContent).toContain('60 岁以上自动走绿色通道');
  });

  it('when the chosen day is refused as out of the window (the phone clock is off), then the BFF picks the day', async () => {
    // Arrange
    slotsMock.mockImplementation(async (_hall, _business, date) => {
      if (date === '2020-01-01') {
        throw new ApiError({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: '提交的信息有误',
          fields: [{ path: 'date', message: '只能预约今天起 7 天内的开放日' }],
        });
      }
      return slotList({ date: date ?? DAYS[1] });
    });

    // Act
    render(
      <SlotPicker
        id="slots"
        hallId="GA44010601"
        business="HZ02"
        chosen={null}
        onChoose={jest.fn()}
        initialDate="2020-01-01"
      />,
    );
    await waitFor(() => expect(document.getElementById('slots-grid')).not.toBeNull());

    // Assert
    expect(slotsMock.mock.calls.map((call) => call[2])).toEqual(['2020-01-01', undefined]);
    expect(byId(`slots-date-${DAYS[1]}`).getAttribute('aria-checked')).toBe('true');
  });

  it('when the grid shows, then open, full, green-only and closed slots read and behave as such', async () => {
    // Arrange
    slotsMock.mockImplementation(async (_hall, _business, date) => slotList({ date }));
    const onChoose = renderPicker();
    await waitFor(() => expect(document.getElementById('slots-grid')).not.toBeNull());

    // Act
    fireEvent.click(byId('slots-slot-S0930'));
    fireEvent.click(byId('slots-slot-S1600'));
    fireEvent.click(byId('slots-slot-S0900'));

    // Assert
    expect(byId('slots-slot-S0900').textContent).toContain('余 3');
    expect(byId('slots-slot-S0930').textContent).toContain('已约满');
    expect(byId('slots-slot-S0930').getAttribute('aria-disabled')).toBe('true');
    expect(byId('slots-slot-S0930').getAttribute('data-state')).toBe('full');
    expect(byId('slots-slot-S1000').textContent).toContain('绿色通道余 1');
    expect(byId('slots-slot-S1600').getAttribute('data-state')).toBe('unavailable');
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(onChoose.mock.calls[0]?.[0]).toMatchObject({ date: DAYS[0], slot: { id: 'S0900' } });
  });

  it('when another day is tapped, then its slots load and the choice is cleared', async () => {
    // Arrange
    slotsMock.mockImplementation(async (_hall, _business, date) => slotList({ date }));
    const onChoose = renderPicker();
    await waitFor(() => expect(document.getElementById('slots-grid')).not.toBeNull());

    // Act
    fireEvent.click(byId(`slots-date-${DAYS[1]}`));

    // Assert
    await waitFor(() => expect(slotsMock).toHaveBeenLastCalledWith('GA44010601', 'HZ02', DAYS[1]));
    expect(onChoose).toHaveBeenCalledWith(null);
  });

  it('when the slots fail to load, then the error offers 重试, which loads them again', async () => {
    // Arrange
    slotsMock.mockRejectedValueOnce(new Error('boom')).mockImplementation(async (_h, _b, date) => slotList({ date }));
    renderPicker();
    await waitFor(() => expect(document.getElementById('slots-error')).not.toBeNull());

    // Act
    fireEvent.click(byId('slots-error-retry'));

    // Assert
    await waitFor(() => expect(document.getElementById('slots-grid')).not.toBeNull());
  });
});
