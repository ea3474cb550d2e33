import { useEffect } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { IdentityCheckOutcome } from '@suijing/shared';
import { CHANNEL_NAME, inPersonChannel } from '@/utils/assurance';
import { CtidPanel } from './CtidPanel';
import { useInPersonCheck, type CheckPerson } from './useInPersonCheck';
import './index.scss';

export { MovedNotice } from './MovedNotice';
export type { CheckPerson } from './useInPersonCheck';

interface InPersonCheckProps {
  /** Prefix of the element ids: `<id>-start`, `<id>-error`, `<id>-complete`, `<id>-ctid-open`… */
  id: string;
  /** See useInPersonCheck: the person to check, unless it is the account's own identity. */
  person?: () => CheckPerson | null;
  onPassed: (outcome: IdentityCheckOutcome) => void;
  /** The start button's words (default 开始刷脸认证 / 开始网证认证). */
  startText?: string;
  /** The BFF found the typed name or ID number wrong: show it at the field. */
  onFieldErrors?: (fields: { name?: string; idNumber?: string }) => void;
}

const CHANNEL_NOTE = {
  'wechat-face': '将打开微信刷脸，与公安部门留存的身份证照片比对，确认是您本人。',
  ctid: '将通过国家网络身份认证（网证）核验您的身份和人像，确认是您本人。',
} as const;

/** 本人认证 (L3): 刷脸 in WeChat, 网证 in the browser, with every failure said plainly and a way on. */
export function InPersonCheckPanel(props: InPersonCheckProps): JSX.Element {
  const { id, person, onPassed, startText, onFieldErrors } = props;
  const channel = inPersonChannel();
  const { phase, failure, begin, complete, link } = useInPersonCheck({ channel, person, onPassed });
  useEffect(() => {
    if (failure && Object.keys(failure.fields).length > 0) onFieldErrors?.(failure.fields);
  }, [failure, onFieldErrors]);
  const started = phase.name === 'waiting' || phase.name === 'completing' ? phase.start : null;
  const ctid = started?.ctid;
  const idle = phase.name === 'idle' || phase.name === 'starting';
  const linking = phase.name === 'linking' || failure?.next === 'link-wechat';

  return (
    <View className="in-person" id={id}>
      {idle && !failure ? <Text className="sj-hint in-person__note">{CHANNEL_NOTE[channel]}</Text> : null}
      {started && ctid ? (
        <CtidPanel
          id={id}
          authUrl={ctid.authUrl}
          qrContent={ctid.qrContent}
          expiresInSeconds={started.expiresInSeconds}
          completing={phase.name === 'completing'}
          onComplete={complete}
          onRestart={begin}
        />
      ) : null}
      {started && !ctid ? (
        <View className="in-person__camera" id={`${id}-camera`}>
          <Text className="in-person__camera-text">
            {phase.name === 'completing' ? '正在获取认证结果…' : '请按微信提示完成刷脸'}
          </Text>
          {failure?.next === 'complete' ? (
            <Button block className="sj-block-button" type="primary" id={`${id}-complete`} onClick={complete}>
              重新获取认证结果
            </Button>
          ) : null}
        </View>
      ) : null}
      {failure ? (
        <Text className="sj-field-error in-person__error" id={`${id}-error`} aria-live="polite">
          {failure.message}
        </Text>
      ) : null}
      {linking ? (
        <Button
          block
          className="sj-block-button"
          type="primary"
          id={`${id}-link-wechat`}
          loading={phase.name === 'linking'}
          onClick={link}
        >
          关联微信
        </Button>
      ) : null}
      {idle && !linking ? (
        <Button
          block
          className="sj-block-button"
          type="primary"
          id={`${id}-start`}
          loading={phase.name === 'starting'}
          disabled={phase.name === 'starting' || failure?.next === 'stop'}
          onClick={begin}
        >
          {failure && failure.next !== 'stop' ? '重新认证' : (startText ?? `开始${CHANNEL_NAME[channel]}`)}
        </Button>
      ) : null}
    </View>
  );
}
