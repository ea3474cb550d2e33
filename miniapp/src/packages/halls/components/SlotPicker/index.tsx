import { useEffect, useRef, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { Slot, SlotList } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import type { AsyncState } from '@/hooks/useAsync';
import { ApiError, messageOf } from '@/services/api-error';
import { listSlots } from '@/services/halls';
import { beijingToday, dateChip, slotCell } from '../../utils/format';
import './index.scss';

export interface SlotChoice {
  date: string;
  slot: Slot;
}

interface SlotPickerProps {
  /** Prefix of the ids: `<id>-date-<yyyy-MM-dd>`, `<id>-slot-<slotId>`, `<id>-loading`, `<id>-error`, `<id>-empty`. */
  id: string;
  hallId: string;
  business: string;
  chosen: SlotChoice | null;
  onChoose: (choice: SlotChoice | null) => void;
  /** Changed by the page to load the slots again (after 已约满 on submit). */
  refreshKey?: number;
  /** The day to show first (改约: the booked day); today by default. */
  initialDate?: string;
  /** A slot of that day chosen before (the wizard after a reload): chosen again if it is still open. */
  initialSlotId?: string;
  /** A day chip was tapped. */
  onDateChange?: (day: string) => void;
}

/**
 * The bookable days as chips and the chosen day's slots as a grid: places
 * left on each, full and past ones disabled. Without a day chosen, the BFF
 * picks the first bookable one (the phone's clock may be wrong); a chosen
 * day that is no longer bookable falls back to that.
 */
export function SlotPicker(props: SlotPickerProps): JSX.Element {
  const { id, hallId, business, chosen, onChoose, refreshKey = 0, initialDate, initialSlotId, onDateChange } = props;
  // Offered once, on the first answer for the initial day.
  const restore = useRef(initialSlotId);
  const [today] = useState(() => beijingToday());
  const [date, setDate] = useState<string | undefined>(initialDate);
  const [dates, setDates] = useState<string[]>([]);
  /** An answer already fetched for the day the BFF chose, so choosing it does not fetch it again. */
  const prefetched = useRef<SlotList | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AsyncState<SlotList>>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const ready = prefetched.current;
    if (date !== undefined && ready?.date === date) {
      prefetched.current = null;
      setState({ status: 'success', data: ready });
      return;
    }
    setState({ status: 'loading' });
    listSlots(hallId, business, date).then(
      (answer) => {
        if (!live) return;
        setDates(answer.bookableDates);
        if (date === undefined || !answer.bookableDates.includes(date)) {
          const first = answer.date || answer.bookableDates[0];
          if (first && first !== date) {
            if (answer.date === first) prefetched.current = answer;
            setDate(first);
            return;
          }
        }
        setState({ status: 'success', data: answer });
        const again = restore.current;
        restore.current = undefined;
        const slot = again ? answer.items.find((item) => item.id === again) : undefined;
        if (slot && slotCell(slot).disabled === false && answer.date === initialDate) {
          onChoose({ date: answer.date, slot });
        }
      },
      (error: unknown) => {
        if (!live) return;
        // A day the BFF will not book (out of the window by its clock): let it choose.
        if (date !== undefined && error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
          setDate(undefined);
          return;
        }
        setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      live = false; // a newer day (or a refresh) is being loaded: this answer is stale
    };
  }, [hallId, business, date, refreshKey, attempt]);

  const pickDate = (day: string): void => {
    if (day === date) return;
    setDate(day);
    onChoose(null);
    onDateChange?.(day);
  };

  return (
    <View className="slot-picker" id={id}>
      {dates.length > 0 ? (
        // Scrolls sideways: focusable, so a keyboard can reach and scroll it (WCAG 2.1.1).
        <View className="slot-picker__dates" role="radiogroup" aria-label="预约日期" {...{ tabIndex: 0 }}>
          {dates.map((day) => {
            const chip = dateChip(day, today);
            const on = day === date;
            return (
              <View
                key={day}
                id={`${id}-date-${day}`}
                className={`slot-picker__date ${on ? 'slot-picker__date--on' : ''}`}
                role="radio"
                aria-checked={on}
                onClick={() => pickDate(day)}
              >
                <Text className="slot-picker__date-top">{chip.top}</Text>
                <Text className="slot-picker__date-bottom">{chip.bottom}</Text>
              </View>
            );
          })}
        </View>
      ) : null}
      <SlotGrid
        id={id}
        state={state}
        chosen={chosen}
        date={date ?? ''}
        onChoose={onChoose}
        onRetry={() => setAttempt((n) => n + 1)}
      />
      <Text className="slot-picker__green" id={`${id}-green-note`}>
        60 岁以上自动走绿色通道，另有专用名额，无需另行选择。
      </Text>
    </View>
  );
}

interface SlotGridProps {
  id: string;
  state: AsyncState<SlotList>;
  chosen: SlotChoice | null;
  date: string;
  onChoose: (choice: SlotChoice) => void;
  onRetry: () => void;
}

function SlotGrid({ id, state, chosen, date, onChoose, onRetry }: SlotGridProps): JSX.Element {
  if (state.status === 'loading') {
    return (
      <View className="slot-picker__loading" id={`${id}-loading`} aria-busy="true">
        <Skeleton rows={3} animated />
      </View>
    );
  }
  if (state.status === 'error') {
    return <ErrorState id={`${id}-error`} message={state.message} onRetry={onRetry} />;
  }
  const slots = state.data.items;
  if (state.data.bookableDates.length === 0 || slots.length === 0) {
    return (
      <Text className="slot-picker__empty" id={`${id}-empty`}>
        {state.data.bookableDates.length === 0
          ? '近 7 天暂无可预约的日期，请选择其他大厅'
          : '当天暂无可预约时段，请选择其他日期'}
      </Text>
    );
  }
  return (
    <View className="slot-picker__grid" id={`${id}-grid`} role="radiogroup" aria-label="预约时段">
      {slots.map((slot) => {
        const cell = slotCell(slot);
        const on = chosen?.slot.id === slot.id && chosen.date === date;
        return (
          <View
            key={slot.id}
            id={`${id}-slot-${slot.id}`}
            className={`slot-cell slot-cell--${cell.state} ${on ? 'slot-cell--on' : ''}`}
            role="radio"
            aria-checked={on}
            aria-disabled={cell.disabled}
            data-state={cell.state}
            data-green-remaining={slot.greenRemaining}
            onClick={() => {
              if (!cell.disabled) onChoose({ date, slot });
            }}
          >
            <Text className="slot-cell__time">
              {slot.from}-{slot.to}
            </Text>
            <Text className="slot-cell__label">{cell.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
