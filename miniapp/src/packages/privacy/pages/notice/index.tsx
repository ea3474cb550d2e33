import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { PrivacyNotice, PrivacyNoticeCategory } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import { PageShell } from '@/components/PageShell';
import { useAsync } from '@/hooks/useAsync';
import { fetchPrivacyNotice } from '@/services/privacy';
import './index.scss';

/** The four questions PIPL 第十七条 asks of each kind of information, in the order a reader asks them. */
const ROWS: ReadonlyArray<{ key: 'collected' | 'purpose' | 'retention' | 'recipients'; label: string }> = [
  { key: 'collected', label: '收集什么' },
  { key: 'purpose', label: '为什么收集' },
  { key: 'retention', label: '保存多久' },
  { key: 'recipients', label: '提供给谁' },
];

function Category({ category }: { category: PrivacyNoticeCategory }): JSX.Element {
  return (
    <View className="sj-card notice-category" id={`notice-${category.key}`}>
      <View className="notice-category__head">
        <Text className="notice-category__title">{category.title}</Text>
        {category.sensitive ? <Text className="notice-category__badge">敏感个人信息</Text> : null}
      </View>
      {ROWS.map((row) => (
        <View className="notice-row" key={row.key}>
          <Text className="notice-row__label">{row.label}</Text>
          <Text className="notice-row__text">{category[row.key]}</Text>
        </View>
      ))}
    </View>
  );
}

function Notice({ notice }: { notice: PrivacyNotice }): JSX.Element {
  return (
    <View id="notice">
      <View className="sj-card">
        <Text className="notice-text">{notice.intro}</Text>
      </View>
      {notice.categories.map((category) => (
        <Category key={category.key} category={category} />
      ))}
      <View className="sj-card" id="notice-sensitive">
        <Text className="notice-section">敏感个人信息</Text>
        <Text className="notice-text">{notice.sensitive}</Text>
      </View>
      <View className="sj-card" id="notice-rights">
        <Text className="notice-section">您的权利</Text>
        {notice.rights.map((right) => (
          <Text className="notice-text notice-text--item" key={right}>
            · {right}
          </Text>
        ))}
        <Text className="notice-text">{notice.contact}</Text>
      </View>
      <Text className="sj-hint notice-version">版本：{notice.version}</Text>
    </View>
  );
}

/** 隐私保护指引: each kind of personal information, what, why, how long and to whom. Readable before consenting. */
export default function PrivacyNoticePage(): JSX.Element {
  const { state, reload } = useAsync(fetchPrivacyNotice);
  return (
    <PageShell id="page-privacy-notice" consent={false}>
      {state.status === 'loading' ? (
        <View id="notice-loading" aria-busy="true">
          {[0, 1, 2].map((n) => (
            <View className="sj-card" key={n}>
              <Skeleton rows={3} animated />
            </View>
          ))}
        </View>
      ) : null}
      {state.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="notice-error" message={state.message} onRetry={reload} />
        </View>
      ) : null}
      {state.status === 'success' ? <Notice notice={state.data} /> : null}
    </PageShell>
  );
}
