import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { PageShell } from '@/components/PageShell';
import { useAuth } from '@/hooks/useAuth';
import { restoreSession } from '@/stores/auth-actions';
import { realNameUrl, ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { ComplaintForm } from './ComplaintForm';
import './index.scss';

/**
 * 我要投诉/建议 (`?caseNo=` prefills the related case). Nothing to load: the
 * form shows once logged in and verified (asked before the typing, not after).
 */
export default function ComplaintNewPage(): JSX.Element {
  const auth = useAuth();
  const caseNo = routeParam(useRouter().params, 'caseNo');
  const verified = auth.status === 'authenticated' && auth.user.realNameStatus === 'verified';
  return (
    <PageShell id="page-complaint-new">
      <View className="complaint-new-head">
        <Text className="complaint-new-head__name">我要投诉/建议</Text>
        <Text className="complaint-new-head__intro">
          诉求转 12345 热线办理：接、答、派、办、评，每一步都可在「我的诉求」中查看。
        </Text>
      </View>
      {auth.status === 'loading' ? (
        <View className="sj-card" id="complaint-new-loading" aria-busy="true">
          <Skeleton rows={6} animated />
        </View>
      ) : null}
      {auth.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="complaint-new-auth-error" message={auth.error} onRetry={() => void restoreSession()} />
        </View>
      ) : null}
      {auth.status === 'anonymous' ? (
        <View className="sj-card">
          <LoginPrompt reason="登录后可提交投诉建议，并查看办理进度和回访结果。" />
        </View>
      ) : null}
      {auth.status === 'authenticated' && !verified ? (
        <EmptyState
          id="complaint-new-unverified"
          title="请先完成实名认证"
          note="诉求需要核实您的身份，以便部门联系和回访。实名认证只需一次。"
        >
          <Button
            className="sj-block-button"
            type="primary"
            id="complaint-new-go-real-name"
            onClick={() => void Taro.redirectTo({ url: realNameUrl(withQuery(ROUTES.complaintNew, { caseNo })) })}
          >
            去实名认证
          </Button>
        </EmptyState>
      ) : null}
      {verified ? <ComplaintForm caseNo={caseNo} /> : null}
    </PageShell>
  );
}
