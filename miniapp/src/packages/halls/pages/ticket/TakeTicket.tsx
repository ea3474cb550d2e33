import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FormField, HallDetail } from '@suijing/shared';
import { ContactPhone, phoneTyped } from '@/components/ContactPhone';
import { useAuth } from '@/hooks/useAuth';
import { stepUpUrl } from '@/utils/assurance';
import { ApiError } from '@/services/api-error';
import { openText, waitText } from '../../utils/format';
import { takeTicketUrl, ticketUrl } from '../../utils/routes';
import { describeHallError, takeHallTicket } from '../../services/submit';
import { checkPhone } from '../../utils/validate';

const PHONE_FIELD: FormField = {
  key: 'phone',
  label: '手机号',
  type: 'phone',
  required: true,
  help: '叫号前将短信提醒您',
};

/** 远程取号: the business and a phone for the SMS reminder; the number is then shown on 我的排队号. */
export function TakeTicket({ hall, initialBusiness }: { hall: HallDetail; initialBusiness: string }): JSX.Element {
  const accountPhone = useAuth().user?.phoneMasked ?? null;
  const [customPhone, setCustomPhone] = useState(false);
  // The account's phone is filled in by the BFF; only another number is typed and sent.
  const typedPhone = phoneTyped(accountPhone, customPhone);
  const [business, setBusiness] = useState(
    hall.businesses.some((b) => b.code === initialBusiness) ? initialBusiness : (hall.businesses[0]?.code ?? ''),
  );
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    const issue = typedPhone ? checkPhone(phone) : undefined;
    setPhoneError(issue);
    if (issue || !business) return;
    setSending(true);
    setFailure(null);
    setClosed(null);
    try {
      const ticket = await takeHallTicket(hall.id, { business, ...(typedPhone ? { phone: phone.trim() } : {}) });
      void Taro.redirectTo({ url: ticketUrl(ticket.id) });
    } catch (error) {
      // Outside the hall's hours: an answer to show plainly, not an error to retry.
      if (error instanceof ApiError && error.code === 'TICKET_CLOSED') {
        setClosed(error.message);
        return;
      }
      const described = describeHallError(error);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, takeTicketUrl(hall.id, business)) });
        return;
      }
      if (described.fields.phone) {
        setCustomPhone(true);
        setPhoneError(described.fields.phone);
      }
      setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  const queue = hall.queues.find((q) => q.business.code === business);
  return (
    <>
      <View className="ticket-take-head">
        <Text className="ticket-take-head__name" id="ticket-take-hall">
          {hall.name}
        </Text>
        <Text className="ticket-take-head__note">
          {openText(hall).text} · {hall.address}
        </Text>
      </View>
      {closed ? (
        <View className="ticket-closed" id="ticket-closed" role="alert">
          <Text className="ticket-closed__title">暂不能取号</Text>
          <Text className="ticket-closed__text">{closed}</Text>
        </View>
      ) : null}
      <View className="sj-card" id="ticket-take">
        <Text className="ticket-title">选择业务</Text>
        <View role="radiogroup" aria-label="业务类型">
          {hall.businesses.map((b) => {
            const on = b.code === business;
            const q = hall.queues.find((item) => item.business.code === b.code);
            return (
              <View
                key={b.code}
                id={`ticket-business-${b.code}`}
                className={`ticket-option ${on ? 'ticket-option--on' : ''}`}
                role="radio"
                aria-checked={on}
                onClick={() => setBusiness(b.code)}
              >
                <Text className="ticket-option__mark" aria-hidden>
                  {on ? '●' : '○'}
                </Text>
                <Text className="ticket-option__name">{b.name}</Text>
                <Text className="ticket-option__note">{q ? `排队 ${q.waiting} 人` : ''}</Text>
              </View>
            );
          })}
        </View>
        <Text className="sj-hint ticket-queue" id="ticket-take-wait">
          {queue ? (waitText(queue.estimatedWaitMinutes) ?? '') : '排队信息暂不可用'}
        </Text>
        <ContactPhone
          field={PHONE_FIELD}
          accountPhone={accountPhone}
          custom={customPhone}
          onCustom={(custom) => {
            setCustomPhone(custom);
            setPhoneError(undefined);
          }}
          value={phone}
          error={phoneError}
          onChange={(next) => {
            setPhone(next);
            if (phoneError) setPhoneError(checkPhone(next));
          }}
          onBlur={() => setPhoneError(phone ? checkPhone(phone) : phoneError)}
        />
      </View>
      {failure ? (
        <Text className="sj-field-error ticket-failure" id="ticket-error" aria-live="polite">
          {failure}
        </Text>
      ) : null}
      <View className="ticket-actions">
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="ticket-submit"
          loading={sending}
          disabled={sending || !business}
          onClick={() => void submit()}
        >
          {sending ? '正在取号…' : '取号'}
        </Button>
        <Text className="sj-hint ticket-tip">取号后请留意叫号，过号需重新取号；60 岁以上自动走绿色通道。</Text>
      </View>
    </>
  );
}
