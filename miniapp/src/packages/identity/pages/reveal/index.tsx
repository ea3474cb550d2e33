import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { PersonalStates } from '@/components/PersonalStates';
import { revealIdentity } from '@/services/identity';
import { ROUTES } from '@/utils/navigation';
import { groupIdNumber } from '../../utils/format';
import './index.scss';

/**
 * The person's own name and ID number in full, after a 本人认证 within 5
 * minutes: on this screen only, never stored, gone when the page closes.
 */
export default function RevealPage(): JSX.Element {
  const load = useCallback(() => revealIdentity(), []);
  return (
    <PageShell id="page-reveal">
      <PersonalStates
        id="reveal"
        load={load}
        here={ROUTES.reveal}
        loginReason="登录后可查看您本人的完整身份信息。"
        unverified={{ title: '当前账号尚未实名', note: '完成实名认证后才能查看。' }}
      >
        {(identity) => (
          <View className="sj-card reveal-card" id="reveal-card">
            <Text className="reveal-card__label">姓名</Text>
            <Text className="reveal-card__value" id="reveal-name">
              {identity.name}
            </Text>
            <Text className="reveal-card__label">公民身份号码</Text>
            <Text className="reveal-card__value reveal-card__value--number" id="reveal-id-number">
              {groupIdNumber(identity.idNumber)}
            </Text>
            <Text className="sj-hint reveal-card__note">
              完整号码只在本页显示，离开本页即不再显示。请留意周围环境，不要截屏或转发。
            </Text>
            <Button
              block
              className="sj-block-button"
              type="primary"
              id="reveal-hide"
              onClick={() => void Taro.navigateBack()}
            >
              隐藏并返回
            </Button>
          </View>
        )}
      </PersonalStates>
    </PageShell>
  );
}
