import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { AccessibleSwitch } from '@/components/AccessibleSwitch';
import type { Appointment, AppointmentRequest, Business, FamilyMember, FormField } from '@suijing/shared';
import { FormFieldView } from '@/components/FormFieldView';
import { ContactPhone, phoneTyped } from '@/components/ContactPhone';
import { useAuth } from '@/hooks/useAuth';
import { stepUpUrl } from '@/utils/assurance';
import { InfoRow } from '../../components/InfoRow';
import type { SlotChoice } from '../../components/SlotPicker';
import { appointmentTimeText } from '../../utils/format';
import { askForNotices, canAskForNotices } from '@/services/subscribe-notices';
import { bookAppointment, describeHallError } from '../../services/submit';
import {
  bookingFor,
  checkPhone,
  EMPTY_BOOKING_FOR,
  validateBookingFor,
  type BookingForInput,
} from '../../utils/validate';
import { FieldError } from '@/components/FieldError';
import { SubmitBar } from '@/components/SubmitBar';
import { FamilyChoice } from './FamilyChoice';

type ForKey = Exclude<keyof BookingForInput, 'consent'>;

const PHONE_FIELD: FormField = {
  key: 'phone',
  label: '短信通知手机号',
  type: 'phone',
  required: true,
  help: '预约成功和到厅提醒将发送到该号码',
};

/** The 为他人预约 fields, keyed as the BFF names them in its field errors (`for.idNumber`). */
const FOR_FIELDS: Record<ForKey, FormField> = {
  name: { key: 'for-name', label: '被预约人姓名', type: 'text', required: true, maxLength: 30 },
  idNumber: { key: 'for-idNumber', label: '被预约人身份证号码', type: 'idNumber', required: true },
  phone: { key: 'for-phone', label: '被预约人手机号', type: 'phone', required: true },
  relation: {
    key: 'for-relation',
    label: '与本人关系',
    type: 'text',
    required: true,
    maxLength: 20,
    placeholder: '如：父母、配偶、子女',
  },
};
const FOR_ORDER: readonly ForKey[] = ['name', 'idNumber', 'phone', 'relation'];

interface ConfirmStepProps {
  /** 为家人预约 chosen on the member's page: that member, preselected. */
  memberId?: string;
  business: Business;
  hall: { id: string; name: string; address: string };
  choice: SlotChoice;
  /** This step's own URL: where 实名认证 or 本人认证 comes back to. */
  here: string;
  /** The slot was taken meanwhile: back to the time step with the BFF's message. */
  onSlotGone: (message: string) => void;
  onBack: () => void;
  onBooked: (appointment: Appointment) => void;
}

/** Step 4: what will be booked, the SMS phone, 为他人预约 if so, and 确认预约. */
export function ConfirmStep({
  memberId,
  business,
  hall,
  choice,
  here,
  onSlotGone,
  onBack,
  onBooked,
}: ConfirmStepProps): JSX.Element {
  const accountPhone = useAuth().user?.phoneMasked ?? null;
  const [customPhone, setCustomPhone] = useState(false);
  // The account's phone is filled in by the BFF; only another number is typed and sent.
  const typedPhone = phoneTyped(accountPhone, customPhone);
  const [phone, setPhone] = useState('');
  const [forOther, setForOther] = useState(false);
  const [forFamily, setForFamily] = useState(Boolean(memberId));
  const [member, setMember] = useState<string | null>(memberId ?? null);
  const chooseMember = useCallback((chosen: FamilyMember) => {
    setMember(chosen.memberId);
    setErrors((prev) => ({ ...prev, memberId: undefined }));
  }, []);
  const [other, setOther] = useState<BookingForInput>(EMPTY_BOOKING_FOR);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const changeOther = (key: ForKey, value: string): void => {
    const next = { ...other, [key]: value };
    setOther(next);
    // Typed fields are checked once they were wrong (or on blur), not at every key.
    if (errors[`for.${key}`]) setErrors((prev) => ({ ...prev, [`for.${key}`]: validateBookingFor(next)[key] }));
  };

  const collect = (): AppointmentRequest | null => {
    const issues: Record<string, string | undefined> = { phone: typedPhone ? checkPhone(phone) : undefined };
    if (forFamily && !member) issues.memberId = '请选择为哪位家人预约';
    if (forOther) {
      for (const [key, message] of Object.entries(validateBookingFor(other))) issues[`for.${key}`] = message;
    }
    setErrors(issues);
    if (Object.values(issues).some(Boolean)) return null;
    return {
      hallId: hall.id,
      business: business.code,
      date: choice.date,
      slotId: choice.slot.id,
      ...(typedPhone ? { phone: phone.trim() } : {}),
      ...(forOther ? { for: bookingFor(other) } : {}),
      ...(forFamily && member ? { memberId: member } : {}),
    };
  };

  const submit = async (): Promise<void> => {
    const request = collect();
    if (!request) {
      void Taro.showToast({ title: '还有信息需要填写或修改', icon: 'none' });
      return;
    }
    // WeChat's notice dialog opens straight from the tap (its rule); booking waits for the answer, so the
    // 预约成功 message finds the acceptance.
    if (canAskForNotices('booking')) await askForNotices('booking');
    setSending(true);
    setFailure(null);
    try {
      onBooked(await bookAppointment(request));
    } catch (error) {
      const described = describeHallError(error);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, here) });
        return;
      }
      if (described.slotGone) {
        onSlotGone(described.message ?? '该时段已约满，请选择其他时段');
        return;
      }
      // The account has no phone after all (answered by the BFF): let it be typed.
      if (described.fields.phone) setCustomPhone(true);
      setErrors((prev) => ({ ...prev, ...described.fields }));
      setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="book-confirm">
      <View className="sj-card" id="book-summary">
        <Text className="book-title">预约信息</Text>
        <InfoRow id="book-summary-business" label="业务" value={business.name} />
        <InfoRow id="book-summary-hall" label="大厅" value={hall.name} />
        <InfoRow label="地址" value={hall.address} />
        <InfoRow
          id="book-summary-time"
          label="时间"
          value={appointmentTimeText({ date: choice.date, from: choice.slot.from, to: choice.slot.to })}
        />
      </View>

      <View className="sj-card" id="book-contact">
        <ContactPhone
          field={PHONE_FIELD}
          accountPhone={accountPhone}
          custom={customPhone}
          onCustom={(custom) => {
            setCustomPhone(custom);
            setErrors((prev) => ({ ...prev, phone: undefined }));
          }}
          value={phone}
          error={errors.phone}
          onChange={(next) => {
            setPhone(next);
            if (errors.phone) setErrors((prev) => ({ ...prev, phone: checkPhone(next) }));
          }}
          onBlur={() => setErrors((prev) => ({ ...prev, phone: phone ? checkPhone(phone) : prev.phone }))}
        />
        <FamilyChoice
          on={forFamily}
          chosen={member}
          error={errors.memberId}
          onToggle={(on) => {
            // One or the other: a family member, or someone typed in.
            setForFamily(on);
            if (on) setForOther(false);
          }}
          onChoose={chooseMember}
        />
        <View className="book-switch">
          <View className="book-switch__text">
            <Text className="book-switch__label">为他人预约</Text>
            <Text className="book-switch__note">如为家中老人预约，到厅时由本人持身份证办理</Text>
          </View>
          <AccessibleSwitch
            id="book-for-other"
            checked={forOther}
            onChange={(on) => {
              setForOther(on);
              if (on) setForFamily(false);
            }}
            label="代他人预约"
          />
        </View>
        {forOther ? (
          <View className="book-other" id="book-other">
            {FOR_ORDER.map((key) => (
              <FormFieldView
                key={key}
                field={FOR_FIELDS[key]}
                value={other[key]}
                error={errors[`for.${key}`]}
                onChange={(value) => changeOther(key, typeof value === 'string' ? value : '')}
                onBlur={() =>
                  setErrors((prev) => (other[key] ? { ...prev, [`for.${key}`]: validateBookingFor(other)[key] } : prev))
                }
              />
            ))}
            <View
              className={`book-consent ${other.consent ? 'book-consent--on' : ''}`}
              id="book-consent"
              role="checkbox"
              aria-checked={other.consent}
              onClick={() => {
                const consent = !other.consent;
                setOther((prev) => ({ ...prev, consent }));
                setErrors((prev) => ({ ...prev, 'for.consent': consent ? undefined : prev['for.consent'] }));
              }}
            >
              <Text className="book-consent__mark" aria-hidden>
                {other.consent ? '☑' : '☐'}
              </Text>
              <Text className="book-consent__text">我已取得被预约人本人同意，并如实填写其信息</Text>
            </View>
            <FieldError id="book-consent-error" message={errors['for.consent']} />
          </View>
        ) : null}
      </View>

      <SubmitBar
        block="book-bar"
        error={{ id: 'book-error', message: failure }}
        back={{ id: 'book-back', label: '上一步', onBack }}
        submit={{
          id: 'book-submit',
          label: '确认预约',
          sending,
          failed: Boolean(failure),
          onSubmit: () => void submit(),
        }}
      />
    </View>
  );
}
