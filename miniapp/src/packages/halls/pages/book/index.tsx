import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Business, HallSummary, SlotList } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ApiError } from '@/services/api-error';
import { listHalls, fetchHall, listSlots } from '@/services/halls';
import { routeParam } from '@/utils/navigation';
import { AnswerStates, LoginGate } from '../../components/PersonalStates';
import { SlotPicker, type SlotChoice } from '../../components/SlotPicker';
import { slotCell } from '../../utils/format';
import { appointmentUrl, bookUrl } from '../../utils/routes';
import {
  BOOK_STEP_KEYS,
  clearDraft,
  goBackTo,
  goForward,
  leaveWizardTo,
  readDraft,
  stepOf,
  wizardAt,
  wizardOf,
  writeDraft,
  type BookStepKey,
  type Wizard,
} from '../../state/wizard';
import { BusinessStep } from './BusinessStep';
import { ConfirmStep } from './ConfirmStep';
import { HallStep } from './HallStep';
import { StepBar } from './StepBar';
import './index.scss';

interface Start {
  businesses: Business[];
  /** The hall given by 大厅详情, 推荐 or an earlier step, if any. */
  hall: HallSummary | null;
  /** At the confirm step: the chosen day's slots (null when that day can no longer be booked). */
  slots: SlotList | null;
}

/** The businesses to choose from (the given hall's, or every hall's), and the chosen day's slots to confirm one. */
async function loadStart(wizard: Wizard): Promise<Start> {
  const [base, slots] = await Promise.all([
    wizard.hallId
      ? fetchHall(wizard.hallId).then((hall) => ({ businesses: hall.businesses, hall }))
      : listHalls({}).then((list) => ({ businesses: list.businesses, hall: null })),
    stepOf(wizard) === 'confirm' && wizard.hallId && wizard.business && wizard.date
      ? listSlots(wizard.hallId, wizard.business, wizard.date).catch((error: unknown) => {
          // The day is no longer bookable (the window moved on): the slot is gone, not the page.
          if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return null;
          throw error;
        })
      : Promise.resolve(null),
  ]);
  return { ...base, slots };
}

const WIZARD_PARAMS = ['business', 'hallId', 'date', 'slot', 'step', 'memberId'] as const;
const offers = (hall: HallSummary | null, code: string): boolean => !!hall?.businesses.some((b) => b.code === code);
const SLOT_GONE = '该时段已不可预约，请重新选择';

/** The step before `step` in the wizard's order. */
function previousOf(step: BookStepKey): BookStepKey {
  return BOOK_STEP_KEYS[Math.max(0, BOOK_STEP_KEYS.indexOf(step) - 1)] ?? 'business';
}

function Booking({ start, wizard }: { start: Start; wizard: Wizard }): JSX.Element {
  const business = start.businesses.find((b) => b.code === wizard.business) ?? null;
  const hall = business && offers(start.hall, business.code) ? start.hall : null;
  // A step whose earlier choices are missing (an old or edited link) shows the first step missing.
  const asked = stepOf(wizard);
  const step: BookStepKey = !business
    ? 'business'
    : !hall && (asked === 'time' || asked === 'confirm')
      ? 'hall'
      : asked === 'confirm' && (!wizard.date || !wizard.slot)
        ? 'time'
        : asked;
  const here: Wizard = { ...wizard, step };
  const back = (to: BookStepKey): void => goBackTo(wizardAt(here, to));
  // 为家人预约 from the member's page: the member stays chosen through every step.
  const member = wizard.memberId ? { memberId: wizard.memberId } : {};

  const chooseBusiness = (next: Business): void => {
    // A hall given (or chosen) before that also does this business stays chosen.
    if (offers(start.hall, next.code) && start.hall) {
      goForward({ business: next.code, hallId: start.hall.id, step: 'time', ...member });
    } else {
      goForward({ business: next.code, step: 'hall', ...member });
    }
  };

  return (
    <>
      <StepBar step={step} onBack={back} />
      {step === 'business' ? (
        <BusinessStep businesses={start.businesses} chosen={business?.code ?? null} onChoose={chooseBusiness} />
      ) : null}
      {step === 'hall' && business ? (
        <HallStep
          business={business}
          onChoose={(next) => goForward({ business: business.code, hallId: next.id, step: 'time', ...member })}
        />
      ) : null}
      {step === 'time' && business && hall ? (
        <TimeStep hall={hall} business={business} wizard={here} onBack={() => back(previousOf('time'))} />
      ) : null}
      {step === 'confirm' && business && hall ? (
        <Confirm start={start} hall={hall} business={business} wizard={here} onBack={() => back('time')} />
      ) : null}
    </>
  );
}

/** Step 3: the day and the slot; kept in storage as they are chosen, for a reload before 下一步. */
function TimeStep({
  hall,
  business,
  wizard,
  onBack,
}: {
  hall: HallSummary;
  business: Business;
  wizard: Wizard;
  onBack: () => void;
}): JSX.Element {
  const [draft] = useState(() => readDraft(hall.id, business.code));
  const [choice, setChoice] = useState<SlotChoice | null>(null);
  const [day, setDay] = useState<string | undefined>(draft?.date ?? wizard.date);
  const [refreshKey, setRefreshKey] = useState(0);
  // Sent here by the confirm step because the slot was taken meanwhile: say so over fresh slots.
  const [slotGone, setSlotGone] = useState<string | null>(draft?.notice ?? null);
  useEffect(() => {
    if (draft?.notice)
      writeDraft({ hallId: hall.id, business: business.code, ...(draft.date ? { date: draft.date } : {}) });
  }, [draft, hall.id, business.code]);

  // The same, when this page was below the confirm step and shows again.
  useDidShow(() => {
    const latest = readDraft(hall.id, business.code);
    if (!latest?.notice) return;
    setSlotGone(latest.notice);
    setChoice(null);
    setRefreshKey((n) => n + 1);
    writeDraft({ hallId: hall.id, business: business.code, ...(latest.date ? { date: latest.date } : {}) });
  });

  const choose = (next: SlotChoice | null): void => {
    setChoice(next);
    if (next) {
      setDay(next.date);
      setSlotGone(null);
    }
    writeDraft({
      hallId: hall.id,
      business: business.code,
      ...((next?.date ?? day) ? { date: next?.date ?? day } : {}),
      ...(next ? { slot: next.slot.id } : {}),
    });
  };

  return (
    <>
      <View className="sj-card" id="book-time">
        <Text className="book-title">{hall.name}</Text>
        <Text className="sj-hint book-hint">{business.name} · 请选择日期和时段</Text>
        {slotGone ? (
          <Text className="sj-field-error book-slot-gone" id="book-slot-gone" aria-live="polite">
            {slotGone}
          </Text>
        ) : null}
        <SlotPicker
          id="book-slots"
          hallId={hall.id}
          business={business.code}
          chosen={choice}
          initialDate={day}
          initialSlotId={draft?.notice ? undefined : draft?.slot}
          refreshKey={refreshKey}
          onDateChange={(next) => {
            setDay(next);
            writeDraft({ hallId: hall.id, business: business.code, date: next });
          }}
          onChoose={choose}
        />
      </View>
      <View className="book-bar">
        <View className="book-bar__buttons">
          <Button className="book-bar__back" id="book-back" onClick={onBack}>
            上一步
          </Button>
          <Button
            className="book-bar__main"
            type="primary"
            id="book-next"
            disabled={!choice}
            // Said to assistive tech too (Taro's H5 button is no native <button>); its pale look is then exempt from contrast.
            {...{ 'aria-disabled': !choice }}
            onClick={() => {
              if (choice) goForward({ ...wizard, date: choice.date, slot: choice.slot.id, step: 'confirm' });
            }}
          >
            {choice ? '下一步' : '请选择时段'}
          </Button>
        </View>
      </View>
    </>
  );
}

/** Step 4: the slot as it is now (it may have filled up since), then ConfirmStep. */
function Confirm({
  start,
  hall,
  business,
  wizard,
  onBack,
}: {
  start: Start;
  hall: HallSummary;
  business: Business;
  wizard: Wizard;
  onBack: () => void;
}): JSX.Element {
  const slot = start.slots?.items.find((s) => s.id === wizard.slot);
  const toTime = (message: string): void => {
    writeDraft({
      hallId: hall.id,
      business: business.code,
      ...(wizard.date ? { date: wizard.date } : {}),
      notice: message,
    });
    onBack();
  };
  if (!slot || !wizard.date || slotCell(slot).disabled) {
    return (
      <View className="sj-card" id="book-slot-unavailable">
        <Text className="sj-field-error">{SLOT_GONE}</Text>
        <Button className="sj-block-button" type="primary" id="book-rechoose" onClick={() => toTime(SLOT_GONE)}>
          重新选择时段
        </Button>
      </View>
    );
  }
  return (
    <LoginGate id="book-login" loginReason="登录并完成实名认证后即可预约，到厅凭预约二维码签到。">
      <ConfirmStep
        business={business}
        hall={hall}
        choice={{ date: wizard.date, slot }}
        here={bookUrl(wizard)}
        {...(wizard.memberId ? { memberId: wizard.memberId } : {})}
        onBack={onBack}
        onSlotGone={toTime}
        onBooked={(appointment) => {
          clearDraft();
          leaveWizardTo(appointmentUrl(appointment.id));
        }}
      />
    </LoginGate>
  );
}

/**
 * 预约办事: business → hall → date and slot → confirm, each step a page of
 * its own with its choices in the URL (reload keeps them, back goes a step
 * back), each step shown above and each done one tappable.
 */
export default function BookPage(): JSX.Element {
  const params = useRouter().params;
  // Keyed by the parameters' text: a new params object with the same values is the same wizard.
  const text = WIZARD_PARAMS.map((key) => routeParam(params, key)).join('\n');
  const wizard = useMemo(
    () => wizardOf(Object.fromEntries(text.split('\n').map((value, index) => [WIZARD_PARAMS[index], value]))),
    [text],
  );
  const load = useCallback(() => loadStart(wizard), [wizard]);
  return (
    <PageShell id="page-book" className="book-page">
      <AnswerStates
        id="book"
        load={load}
        here={bookUrl(wizard)}
        notFound={{ codes: ['HALL_NOT_FOUND'], title: '未找到该办事大厅', note: '它可能已调整，请返回重新选择。' }}
      >
        {(start) => <Booking start={start} wizard={wizard} />}
      </AnswerStates>
    </PageShell>
  );
}
