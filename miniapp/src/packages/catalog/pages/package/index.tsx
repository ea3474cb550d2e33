import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PackageDetail, PackageDetailResponse, PackageMember } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { CatalogStaleNotice } from '@/components/CatalogStaleNotice';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { fetchPackage } from '@/services/catalog';
import { promisedText, visitsText } from '@/utils/catalog-format';
import { goTo, itemUrl, packageFormUrl } from '@/utils/navigation';
import { GuideBullets, GuideRow, GuideSection } from '../../components/GuideSection';
import { BackButton } from '../../components/BackButton';
import { useRouteLookup } from '../../hooks/useRouteLookup';
import { useApplyStart } from '../item/useApplyStart';
import './index.scss';

/** A member item in order; police items open their guide, other departments' items are listed for reference. */
function Member({ member }: { member: PackageMember }): JSX.Element {
  return (
    <View
      className={`package-member ${member.police ? 'package-member--link' : ''}`}
      id={`package-member-${member.order}`}
      role={member.police ? 'link' : undefined}
      onClick={member.police ? () => goTo(itemUrl(member.itemCode)) : undefined}
      hoverClass={member.police ? 'package-member--pressed' : 'none'}
    >
      <Text className="package-member__order">{member.order}</Text>
      <View className="package-member__text">
        <Text className="package-member__name">{member.itemName}</Text>
        <Text className="package-member__department">
          {member.department}
          {member.police ? '' : ' · 由该部门办理'}
        </Text>
      </View>
      {member.police ? <Text className="package-member__action">查看指南 ›</Text> : null}
    </View>
  );
}

/** 在线办理 of the whole package: login, then 实名认证 (once), then the combined form. */
function OnlineApply({ code }: { code: string }): JSX.Element {
  // A police 一件事 always has a 户政 or 交管 member, which files at 实人 (L3).
  const apply = useApplyStart(code, packageFormUrl(code), 'L3');
  return (
    <>
      <Button
        block
        className="sj-block-button package-apply"
        id="package-apply-online"
        type="primary"
        onClick={apply.start}
      >
        在线办理
      </Button>
      <Text className="package-note sj-hint" id="package-online-note">
        一次填写、一次提交，各部门分别受理；也可到服务大厅一窗办理。
      </Text>
      <ConfirmDialog
        id="package-apply-login-dialog"
        visible={apply.askingLogin}
        title="登录后办理"
        message="在线办理需要先登录并完成实名认证（只需一次）。现在去登录吗？"
        confirmText="去登录"
        onConfirm={apply.confirmLogin}
        onCancel={apply.cancelLogin}
      />
    </>
  );
}

function PackageView({ response }: { response: PackageDetailResponse }): JSX.Element {
  const pkg: PackageDetail = response.package;
  const members = [...pkg.members].sort((a, b) => a.order - b.order);
  const online = members.some((member) => member.police);
  return (
    <>
      <View className="package-head">
        <Text className="package-head__name" id="package-name">
          {pkg.name}
        </Text>
        <Text className="package-head__description">{pkg.description}</Text>
        <View className="package-head__badges">
          <Text className="sj-badge sj-badge--primary">{promisedText(pkg.promisedDays)}</Text>
          <Text className="sj-badge sj-badge--primary">{visitsText(pkg.visits)}</Text>
          <Text className="sj-badge sj-badge--success">{pkg.memberCount} 个事项合并办</Text>
        </View>
      </View>
      <CatalogStaleNotice catalog={response.catalog} />
      <GuideSection title="包含事项" id="package-members" extra={`共 ${members.length} 项，按办理顺序`}>
        {members.map((member) => (
          <Member key={`${member.order}-${member.itemCode}`} member={member} />
        ))}
      </GuideSection>
      <GuideSection title="办理说明" id="package-info">
        <GuideRow label="牵头部门">
          <Text>{pkg.leadDepartment}</Text>
        </GuideRow>
        <GuideRow label="参与部门">
          <Text>{pkg.departments.join('、')}</Text>
        </GuideRow>
        <GuideRow label="承诺时限">
          <Text>{pkg.promisedDays <= 0 ? '即办' : `${pkg.promisedDays} 个工作日`}</Text>
        </GuideRow>
        <GuideRow label="到现场">
          <Text>{pkg.visits <= 0 ? '无需到现场' : `${pkg.visits} 次`}</Text>
        </GuideRow>
        <GuideRow label="咨询电话">
          <Text>{pkg.hotline}</Text>
        </GuideRow>
      </GuideSection>
      <GuideSection title="办理条件" id="package-conditions">
        <GuideBullets lines={pkg.conditions} empty="符合各事项受理条件即可申请" />
      </GuideSection>
      {online ? (
        <OnlineApply code={pkg.code} />
      ) : (
        <Text className="package-note sj-hint" id="package-online-note">
          该“一件事”暂不支持在线办理，可查看各事项的办事指南，或到服务大厅一窗办理。
        </Text>
      )}
    </>
  );
}

/** One "一件事": its members in order, who leads, how long it takes, and what it needs. */
export default function PackagePage(): JSX.Element {
  const { state, reload } = useRouteLookup(fetchPackage, 'PACKAGE_NOT_FOUND');

  return (
    <PageShell id="page-package">
      <PageStates
        id="package"
        state={state}
        onRetry={reload}
        notFound={{
          found: (data) => data.found,
          title: '未找到该“一件事”服务',
          note: '请返回重新选择。',
          children: <BackButton />,
        }}
      >
        {(data) => <PackageView response={data.response} />}
      </PageStates>
    </PageShell>
  );
}
