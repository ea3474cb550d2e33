import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyList, ItemGuide } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { PersonalStates } from '@/components/PersonalStates';
import { fetchItemGuide } from '@/services/catalog';
import { listFamily } from '@/services/family';
import { formUrl, goTo, ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { MemberRow } from '../../components/MemberRow';
import { useReloadOnReturn } from '../../hooks/useReloadOnReturn';
import { mayActFor, whyNot } from '../../utils/family-text';
import './index.scss';

interface Pick {
  item: ItemGuide;
  family: FamilyList;
}

const ON_BEHALF_TEXT: Record<ItemGuide['onBehalf'], string> = {
  none: '该事项须本人申请，不能由家人代办。',
  minors: '该事项可由监护人为未满 16 周岁的子女代为申请。',
  family: '该事项可由家人代为申请：未成年子女由监护人办理，成年家人须已授权您。',
};

function Picker({ data, reload }: { data: Pick; reload: () => void }): JSX.Element {
  useReloadOnReturn(reload);
  const { item, family } = data;
  const choose = (memberId: string): void => void Taro.redirectTo({ url: formUrl(item.code, memberId) });
  return (
    <>
      <View className="sj-card pick-item">
        <Text className="pick-item__name" id="pick-item-name">
          {item.name}
        </Text>
        <Text className="pick-item__note">{ON_BEHALF_TEXT[item.onBehalf]}</Text>
      </View>
      <Text className="sj-section-title">为哪位家人办理</Text>
      <View className="sj-card" id="pick-members">
        {family.members.length === 0 ? (
          <EmptyState id="pick-empty" title="还没有添加家人" note="添加并核验家人后，即可为 TA 办理。" />
        ) : (
          family.members.map((member) => {
            const allowed = mayActFor(item.onBehalf, member);
            return (
              <MemberRow
                key={member.memberId}
                id={`pick-member-${member.memberId}`}
                member={member}
                note={allowed ? undefined : whyNot(item.onBehalf, member)}
                {...(allowed ? { onTap: () => choose(member.memberId) } : {})}
              />
            );
          })
        )}
      </View>
      <View className="pick-actions">
        <Button
          block
          className="sj-block-button"
          fill="outline"
          type="primary"
          id="pick-add"
          onClick={() => goTo(ROUTES.family)}
        >
          添加或管理家人
        </Button>
      </View>
    </>
  );
}

/** 为家人办理: which family member an item is filed for (only those its guide allows), then their form. */
export default function PickPage(): JSX.Element {
  const code = routeParam(useRouter().params, 'code');
  const load = useCallback(async (): Promise<Pick> => {
    const [guide, family] = await Promise.all([fetchItemGuide(code), listFamily()]);
    return { item: guide.item, family };
  }, [code]);
  return (
    <PageShell id="page-family-pick">
      <PersonalStates
        id="pick"
        load={load}
        here={withQuery(ROUTES.familyPick, { code })}
        loginReason="登录并完成实名认证后即可为家人办理。"
        unverified={{ title: '请先完成实名认证', note: '家人关系按您的实名身份核验。' }}
        notFound={{
          codes: ['ITEM_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该事项',
          note: '它可能已调整或下线。',
        }}
      >
        {(data, reload) => <Picker data={data} reload={reload} />}
      </PersonalStates>
    </PageShell>
  );
}
