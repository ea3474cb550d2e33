import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input, Skeleton } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { ApiError, messageOf } from '@/services/api-error';
import { fetchIdentity, finishFaceCheck, startFaceCheck, verifyIdentity } from '@/services/identity';
import { authStore, setAuthenticated } from '@/stores/auth-store';
import { ROUTES, routeParam } from '@/utils/navigation';
import { checkIdNumber, checkName } from './validate';
import { faceMode, runWechatFaceCheck, sandboxFaceResult, type FaceMode } from './face';
import './index.scss';

interface Errors {
  name?: string;
  idNumber?: string;
  form?: string;
}

/** Where to go after verifying: the page named by `next`, else back. */
function leave(next: string): void {
  if (next.startsWith('/')) {
    void Taro.redirectTo({ url: next });
  } else if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: ROUTES.me });
  }
}

function errorsOf(error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: messageOf(error) };
  if (error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
    const out: Errors = {};
    for (const field of error.fields) {
      if (field.path === 'name' || field.path === 'idNumber') out[field.path] = field.message;
    }
    return Object.keys(out).length > 0 ? out : { form: error.message };
  }
  return { form: error.message };
}

function VerifyForm({ onVerified }: { onVerified: () => void }): JSX.Element {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);

  const [mode] = useState<FaceMode>(faceMode);
  const [faceBusy, setFaceBusy] = useState(false);
  /** A started face check: waiting for the sandbox stand-in, or for a retry after FACE_CHECK_PENDING. */
  const [face, setFace] = useState<{ verifyId: string; pending: boolean } | null>(null);

  const checkFields = (): boolean => {
    const found: Errors = { name: checkName(name), idNumber: checkIdNumber(idNumber) };
    setErrors(found);
    return !found.name && !found.idNumber;
  };

  /** Asks the BFF for the outcome of the face check. */
  const finishFace = async (verifyId: string): Promise<void> => {
    try {
      await finishFaceCheck(verifyId);
      setFace(null);
      onVerified();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FACE_CHECK_PENDING') {
        setFace({ verifyId, pending: true });
        setErrors({ form: '请完成刷脸后再试' });
        return;
      }
      setFace(null);
      setErrors(errorsOf(error));
    }
  };

  const startFace = async (): Promise<void> => {
    if (!checkFields()) return;
    setFaceBusy(true);
    try {
      const started = await startFaceCheck({ name: name.trim(), idNumber: idNumber.trim().toUpperCase() });
      if (mode === 'sandbox') {
        setFace({ verifyId: started.verifyId, pending: false });
        return;
      }
      await runWechatFaceCheck(started.verifyId);
      await finishFace(started.verifyId);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IDENTITY_TOO_MANY_TRIES') setLocked(true);
      setErrors(errorsOf(error));
    } finally {
      setFaceBusy(false);
    }
  };

  const sandboxAnswer = async (result: 'pass' | 'fail'): Promise<void> => {
    if (!face) return;
    setFaceBusy(true);
    try {
      await sandboxFaceResult(face.verifyId, result);
      await finishFace(face.verifyId);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setFaceBusy(false);
    }
  };

  const retryFace = async (): Promise<void> => {
    if (!face) return;
    setFaceBusy(true);
    setErrors({});
    try {
      await finishFace(face.verifyId);
    } finally {
      setFaceBusy(false);
    }
  };

  const submit = async (): Promise<void> => {
    if (!checkFields()) return;
    setBusy(true);
    try {
      await verifyIdentity({ name: name.trim(), idNumber: idNumber.trim().toUpperCase() });
      onVerified();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IDENTITY_TOO_MANY_TRIES') setLocked(true);
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="real-name-form">
      <View className="real-name-form__field">
        <Text className="real-name-form__label">姓名</Text>
        <Input
          className="real-name-form__input"
          id="real-name-name"
          name="name"
          placeholder="与身份证上的姓名一致"
          maxLength={30}
          value={name}
          onChange={(v) => {
            setName(v);
            if (errors.name) setErrors((prev) => ({ ...prev, name: checkName(v) }));
          }}
          onBlur={() => setErrors((prev) => ({ ...prev, name: checkName(name) }))}
        />
        {errors.name ? (
          <Text className="sj-field-error" id="real-name-name-error">
            {errors.name}
          </Text>
        ) : null}
      </View>
      <View className="real-name-form__field">
        <Text className="real-name-form__label">身份证号码</Text>
        <Input
          className="real-name-form__input"
          id="real-name-id"
          name="idNumber"
          placeholder="18 位居民身份证号码"
          maxLength={18}
          value={idNumber}
          onChange={(v) => {
            const next = v.toUpperCase().replace(/[^0-9X]/g, '');
            setIdNumber(next);
            // As typed: a full number is checked at once, a partial one only after a first check.
            if (next.length === 18 || errors.idNumber)
              setErrors((prev) => ({ ...prev, idNumber: checkIdNumber(next) }));
          }}
          onBlur={() => setErrors((prev) => ({ ...prev, idNumber: checkIdNumber(idNumber) }))}
        />
        {errors.idNumber ? (
          <Text className="sj-field-error" id="real-name-id-error">
            {errors.idNumber}
          </Text>
        ) : null}
      </View>
      {errors.form ? (
        <Text className="sj-field-error real-name-form__error" id="real-name-error" aria-live="polite">
          {errors.form}
        </Text>
      ) : null}
      <Button
        block
        className="sj-block-button"
        type="primary"
        id="real-name-submit"
        loading={busy}
        disabled={locked}
        onClick={() => void submit()}
      >
        {locked ? '今日已无法再试' : '提交认证'}
      </Button>
      {mode !== 'none' ? (
        <Button
          block
          className="sj-block-button real-name-form__face"
          type="default"
          id="real-name-face"
          loading={faceBusy && !face}
          disabled={locked || busy || face !== null}
          onClick={() => void startFace()}
        >
          刷脸认证
        </Button>
      ) : null}
      {face?.pending ? (
        <Button
          block
          className="sj-block-button real-name-form__face"
          type="default"
          id="real-name-face-retry"
          loading={faceBusy}
          onClick={() => void retryFace()}
        >
          我已完成刷脸，重试
        </Button>
      ) : null}
      {mode === 'sandbox' && face && !face.pending ? (
        <View className="real-name-sandbox" id="real-name-face-sandbox">
          <Text className="sj-hint">沙箱：模拟刷脸</Text>
          <View className="real-name-sandbox__actions">
            <Button
              type="primary"
              size="small"
              id="real-name-face-pass"
              disabled={faceBusy}
              onClick={() => void sandboxAnswer('pass')}
            >
              通过
            </Button>
            <Button
              type="default"
              size="small"
              id="real-name-face-fail"
              disabled={faceBusy}
              onClick={() => void sandboxAnswer('fail')}
            >
              不通过
            </Button>
          </View>
        </View>
      ) : null}
      <Text className="sj-hint real-name-form__privacy">
        您的姓名和身份证号码仅用于与公安人口信息核验身份，页面上只显示遮挡后的号码。
      </Text>
    </View>
  );
}

function VerifiedCard(): JSX.Element {
  const { state, reload } = useAsync(fetchIdentity);
  if (state.status === 'loading') return <Skeleton rows={2} animated />;
  if (state.status === 'error')
    return <ErrorState id="real-name-status-error" message={state.message} onRetry={reload} />;
  return (
    <View className="real-name-done" id="real-name-verified">
      <Text className="sj-badge sj-badge--success">已实名</Text>
      <Text className="real-name-done__row">姓名：{state.data.nameMasked ?? '—'}</Text>
      <Text className="real-name-done__row">身份证号：{state.data.idNumberMasked ?? '—'}</Text>
    </View>
  );
}

/** 实名认证: name + ID number against the population register, once per account. */
export default function RealNamePage(): JSX.Element {
  const auth = useAuth();
  const next = routeParam(useRouter().params, 'next');

  const onVerified = (): void => {
    const current = authStore.get();
    if (current.status === 'authenticated') setAuthenticated({ ...current.user, realNameStatus: 'verified' });
    void Taro.showToast({ title: '实名认证成功', icon: 'success' });
    setTimeout(() => leave(next), 600);
  };

  return (
    <PageShell id="page-real-name">
      <View className="real-name-header">
        <Text className="real-name-header__title">实名认证</Text>
        <Text className="real-name-header__subtitle">办理业务前需核验您的真实身份，只需认证一次</Text>
      </View>
      <View className="sj-card">
        {auth.status === 'anonymous' ? <LoginPrompt reason="登录后才能进行实名认证。" /> : null}
        {auth.status === 'loading' ? <Skeleton rows={3} animated /> : null}
        {auth.status === 'authenticated' && auth.user.realNameStatus === 'verified' ? <VerifiedCard /> : null}
        {auth.status === 'authenticated' && auth.user.realNameStatus !== 'verified' ? (
          <VerifyForm onVerified={onVerified} />
        ) : null}
      </View>
    </PageShell>
  );
}
