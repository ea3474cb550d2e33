import { useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FormField, IdentityStatus, Licence, PackageApplication, PackageForm } from '@suijing/shared';
import { checkField, validateForm, type FormData, type FormValue } from '@suijing/shared/forms';
import { useUploads } from '@/hooks/useUploads';
import { fetchPackageForm, retryPackageApplication, submitPackageApplication } from '@/services/package-applications';
import { ApiError } from '@/services/api-error';
import { caseUrl, goTo, packageFormUrl, routeParam } from '@/utils/navigation';
import { memoryAttempt } from '@/utils/submit-attempt';
import { ApplyPage } from '../../components/ApplyPage';
import { verifiedIdentity } from '../../services/verified-identity';
import { FormSections } from '../../components/FormSections';
import { MaterialsPanel } from '@/components/MaterialsPanel';
import { chosenMaterials, missingMaterials } from '@/utils/materials';
import { submitData } from '../../utils/form-data';
import { useLockedIdentity } from '../../hooks/useLockedIdentity';
import { packageMaterials } from './package-data';
import '../form/index.scss';
import './index.scss';

interface Loaded {
  form: PackageForm;
  identity: IdentityStatus;
}

async function load(code: string): Promise<Loaded> {
  const form = await fetchPackageForm(code);
  return { form, identity: await verifiedIdentity() };
}

const CHOSEN: ReadonlyArray<FormField['type']> = ['select', 'radio', 'checkbox', 'date'];
const NO_LICENCES: Licence[] = [];

/** Each member as filed: its department, 已提交 with the case number (tap → 办件详情), or why it failed. */
export function PackageResult(props: {
  result: PackageApplication;
  retrying: boolean;
  onRetry: () => void;
}): JSX.Element {
  const { result, retrying, onRetry } = props;
  return (
    <View id="package-result">
      <View className="apply-head">
        <Text className="apply-head__name" id="package-result-title">
          {result.complete ? '申请已提交' : '部分事项未提交成功'}
        </Text>
        <Text className="apply-head__note">
          {result.name} · 一件事编号 <Text id="package-case-no">{result.packageCaseNo}</Text>
        </Text>
      </View>
      <View className="sj-card">
        {result.members.map((member, index) => (
          <View
            key={member.itemCode}
            className="package-result__member"
            id={`package-result-member-${index}`}
            data-status={member.status}
            role={member.caseNo ? 'link' : undefined}
            onClick={member.caseNo ? () => goTo(caseUrl(member.caseNo ?? '')) : undefined}
          >
            <View className="package-result__text">
              <Text className="package-result__name">{member.itemName}</Text>
              <Text className="package-result__note">{member.department}</Text>
              {member.caseNo ? (
                <Text className="package-result__note" id={`package-result-member-${index}-case-no`}>
                  办件编号 {member.caseNo}
                </Text>
              ) : null}
              {member.error ? (
                <Text className="sj-field-error" id={`package-result-member-${index}-error`}>
                  {member.error}
                </Text>
              ) : null}
            </View>
            <Text className={`sj-badge ${member.status === 'submitted' ? 'sj-badge--success' : 'sj-badge--warning'}`}>
              {member.status === 'submitted' ? '已提交 ›' : '未成功'}
            </Text>
          </View>
        ))}
        {result.complete ? null : (
          <Button
            block
            className="sj-block-button package-result__retry"
            id="package-retry"
            type="primary"
            loading={retrying}
            disabled={retrying}
            onClick={onRetry}
          >
            重试未成功的部分
          </Button>
        )}
      </View>
    </View>
  );
}

/** The package's combined form: fields asked once, its materials, then 提交 files every online member. */
export function PackageApplyForm({
  code,
  form,
  identity,
}: {
  code: string;
  form: PackageForm;
  identity: IdentityStatus;
}): JSX.Element {
  const materials = useMemo(() => packageMaterials(form), [form]);
  const fields = useMemo(() => form.form.sections.flatMap((s) => s.fields), [form]);
  // The applicant's own identity comes from the verified record: shown masked and locked, never sent.
  const { locked, lockedKeys, hint: lockedHint } = useLockedIdentity(form.form, identity);
  const [data, setData] = useState<FormData>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [materialErrors, setMaterialErrors] = useState<Record<string, string | undefined>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [result, setResult] = useState<PackageApplication | null>(null);
  const [retrying, setRetrying] = useState(false);
  const touched = useRef(new Set<string>());
  const dataRef = useRef(data);
  dataRef.current = data;
  /** One key per attempt: a repeat of the same request (after a network error) reuses it. */
  const [attempt] = useState(memoryAttempt);
  const uploads = useUploads();
  const online = form.members.filter((m) => m.online);

  const check = (field: FormField, value: FormValue | undefined): void =>
    setErrors((prev) => ({ ...prev, [field.key]: checkField(field, value) }));
  const change = (field: FormField, value: FormValue): void => {
    setData((prev) => ({ ...prev, [field.key]: value }));
    if (CHOSEN.includes(field.type) || touched.current.has(field.key) || errors[field.key]) check(field, value);
  };
  const blur = (field: FormField): void => {
    touched.current.add(field.key);
    check(field, dataRef.current[field.key]);
  };
  const submit = async (): Promise<void> => {
    const sent = submitData(form.form, data, lockedKeys);
    const issues = validateForm(form.form, sent, { filledByServer: lockedKeys });
    fields.forEach((field) => touched.current.add(field.key));
    setErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
    const chosen = chosenMaterials(materials, uploads.slots, {});
    const missing = missingMaterials(materials, chosen);
    setMaterialErrors(Object.fromEntries(missing.map((m) => [m.name, '请上传该材料'])));
    if (uploads.busy) {
      void Taro.showToast({ title: '材料正在上传，请稍候', icon: 'none' });
      return;
    }
    if (issues.length > 0 || missing.length > 0) {
      void Taro.showToast({ title: `还有 ${issues.length + missing.length} 项需要填写或修改`, icon: 'none' });
      return;
    }
    const request = { data: sent, materials: chosen.map((c) => c.ref) };
    setSubmitting(true);
    setSubmitError(null);
    try {
      setResult(await submitPackageApplication(code, request, attempt.key(request)));
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setErrors(Object.fromEntries(error.fields.map((f) => [f.path.replace(/^data\./, ''), f.message])));
      }
      setSubmitError(error instanceof Error ? error.message : '提交失败，请重试');
    } finally {
      setSubmitting(false);
    }
  };

  const retry = async (): Promise<void> => {
    if (!result) return;
    setRetrying(true);
    try {
      setResult(await retryPackageApplication(result.packageCaseNo));
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error ? error.message : '重试失败', icon: 'none' });
    } finally {
      setRetrying(false);
    }
  };

  if (result) return <PackageResult result={result} retrying={retrying} onRetry={() => void retry()} />;

  return (
    <>
      <View className="apply-head">
        <Text className="apply-head__name" id="package-form-name">
          {form.name}
        </Text>
        <Text className="apply-head__note">
          一次填写，同时提交 {online.length} 个事项：{online.map((m) => `${m.itemName}（${m.department}）`).join('、')}
          。
        </Text>
      </View>
      <FormSections
        sections={form.form.sections}
        data={data}
        errors={errors}
        hint={lockedHint}
        locked={locked}
        onChange={change}
        onBlur={blur}
      />
      <MaterialsPanel
        materials={materials}
        licences={NO_LICENCES}
        uploads={uploads}
        licenceChoice={{}}
        errors={materialErrors}
        onChooseLicence={() => undefined}
        onUploaded={(name) => setMaterialErrors((prev) => ({ ...prev, [name]: undefined }))}
      />
      <View className="apply-bar">
        <Text className="apply-bar__status" id="package-submit-error" aria-live="polite">
          {submitError ?? '提交后各部门分别受理，可在「我的办件」查看'}
        </Text>
        <Button
          className="apply-bar__next"
          id="package-submit"
          type="primary"
          loading={submitting}
          disabled={submitting}
          onClick={() => void submit()}
        >
          提交
        </Button>
      </View>
    </>
  );
}

/** 一件事 在线办理: login and 实名认证 first, then the combined form and, once sent, each member's case. */
export default function PackageFormPage(): JSX.Element {
  const code = routeParam(useRouter().params, 'code');
  return (
    <ApplyPage
      id="package-form"
      load={load}
      code={code}
      here={packageFormUrl(code)}
      unverifiedNote="实名认证只需一次。"
      notFound={{
        codes: ['PACKAGE_NOT_FOUND', 'ROUTE_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED'],
        title: '未找到该“一件事”服务',
        note: '请返回重新选择。',
      }}
    >
      {(loaded) => <PackageApplyForm code={code} form={loaded.form} identity={loaded.identity} />}
    </ApplyPage>
  );
}
