import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './index.scss';

interface GuideSectionProps {
  title: string;
  /** Element id for E2E and in-page links, e.g. "item-materials". */
  id: string;
  /** A short note beside the title, e.g. "共 5 项". */
  extra?: string;
  children: ReactNode;
}

/** One titled card of a guide (item or 一件事). */
export function GuideSection({ title, id, extra, children }: GuideSectionProps): JSX.Element {
  return (
    <View className="sj-card guide-section" id={id}>
      <View className="guide-section__head">
        <Text className="guide-section__title">{title}</Text>
        {extra ? <Text className="guide-section__extra">{extra}</Text> : null}
      </View>
      {children}
    </View>
  );
}

/** Label and value on one row; long values wrap under the label's column. */
export function GuideRow({ label, children }: { label: string; children: ReactNode }): JSX.Element {
  return (
    <View className="guide-row">
      <Text className="guide-row__label">{label}</Text>
      <View className="guide-row__value">{children}</View>
    </View>
  );
}

/** A bulleted list of sentences (受理条件, 联办条件). */
export function GuideBullets({ lines, empty }: { lines: string[]; empty: string }): JSX.Element {
  if (lines.length === 0) return <Text className="guide-text">{empty}</Text>;
  return (
    <View className="guide-bullets">
      {lines.map((line, index) => (
        <View className="guide-bullets__line" key={`${index}-${line}`}>
          <Text className="guide-bullets__dot" aria-hidden>
            •
          </Text>
          <Text className="guide-text">{line}</Text>
        </View>
      ))}
    </View>
  );
}
