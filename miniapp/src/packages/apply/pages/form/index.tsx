import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { Draft, IdentityStatus, ItemGuide, Licence } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { PersonalStates, realNameRequired } from '@/components/PersonalStates';
import { fetchItemGuide } from '@/services/catalog';
import { fetchDraft } from '@/services/drafts';
import { fetchIdentity } from '@/services/identity';
import { listLicences } from '@/services/licences';
import { formUrl, routeParam } from '@/utils/navigation';
import { ApplyForm } from './ApplyForm';
import './index.scss';

export interface FormPageData {
  item: ItemGuide;
  draft: Draft | null;
  identity: IdentityStatus;
  licences: Licence[];
}

async function load(code: string): Promise<FormPageData> {
  const item: ItemGuide = (await fetchItemGuide(code)).item;
  const identity = await fetchIdentity();
  if (identity.realNameStatus !== 'verified') throw realNameRequired();
  const [draft, licences] = await Promise.all([
    fetchDraft(code),
    // Optional: without the list the citizen uploads instead.
    listLicences().then(
      (answer) => answer.items,
      () => [],
    ),
  ]);
  return { item, draft, identity, licences };
}

function FormSkeleton(): JSX.Element {
  return (
    <View aria-busy="true">
      {[0, 1, 2].map((n) => (
        <View className="sj-card" key={n}>
          <Skeleton rows={4} animated />
        </View>
      ))}
    </View>
  );
}

/** 在线办理: the item's form, drafted on the server as it is typed, with its materials. */
export default function FormPage(): JSX.Element {
  const code = routeParam(useRouter().params, 'code');
  const loader = useCallback(() => load(code), [code]);
  return (
    <PageShell id="page-form" className="apply-form-page">
      <PersonalStates
        id="form"
        load={loader}
        here={formUrl(code)}
        loginReason="登录并完成实名认证后即可在线办理。"
        unverified={{ title: '办理前请先完成实名认证', note: '实名认证只需一次，之后办理所有事项都无需重复。' }}
        notFound={{
          codes: ['ITEM_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该事项',
          note: '它可能已调整或下线，请返回重新搜索。',
        }}
        skeleton={<FormSkeleton />}
      >
        {(data) => <ApplyForm data={data} />}
      </PersonalStates>
    </PageShell>
  );
}
