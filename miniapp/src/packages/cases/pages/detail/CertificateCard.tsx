import { View, Text } from '@tarojs/components';
import type { ApplicationDetail } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';

type Certificate = NonNullable<ApplicationDetail['certificate']>;

/** The 电子证明 issued for the case: what to show or quote to whoever asks for it, and how they check it. */
export function CertificateCard({ certificate }: { certificate: Certificate }): JSX.Element {
  return (
    <View className="sj-card case-certificate" id="case-certificate">
      <Text className="case-section__title">电子证明</Text>
      <Text className="case-certificate__name" id="case-certificate-name">
        {certificate.name}
      </Text>
      <View className="case-row">
        <Text className="case-row__label">证明编号</Text>
        <Text className="case-row__value" id="case-certificate-number" userSelect>
          {certificate.number}
        </Text>
      </View>
      <View className="case-row">
        <Text className="case-row__label">核验码</Text>
        <Text className="case-row__value" id="case-certificate-code" userSelect>
          {certificate.verificationCode}
        </Text>
      </View>
      <View className="case-row">
        <Text className="case-row__label">签发时间</Text>
        <Text className="case-row__value">{formatDateTime(certificate.issuedAt)}</Text>
      </View>
      <Text className="sj-hint case-certificate__note">
        电子证明与纸质证明具有同等效力。用证单位可凭证明编号和核验码向签发机关核验。
      </Text>
    </View>
  );
}
