import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ProgressLookupResponse } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { messageOf } from '@/services/api-error';
import { lookupProgress } from '@/services/applications';
import { formatDay, STATUS_TONE } from '@/utils/case-format';
import { formatDateTime } from '@/utils/format';
import './index.scss';

interface Errors {
  caseNo?: string;
  idLast6?: string;
  form?: string;
}

function check(caseNo: string, idLast6: string): Errors {
  return {
    caseNo: /^\d{8}4401\d{10}$/.test(caseNo) ? undefined : '办件编号应为 22 位数字，请核对回执',
    idLast6: /^\d{5}[\dX]$/.test(idLast6) ? undefined : '请填写申请人身份证号码后 6 位',
  };
}

/** 办件进度查询: for someone following a case on another's behalf; no login, only the status. */
export default function LookupPage(): JSX.Element {
  const [caseNo, setCaseNo] = useState('');
  const [idLast6, setIdLast6] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ProgressLookupResponse | null>(null);

  const submit = async (): Promise<void> => {
    const found = check(caseNo, idLast6);
    setErrors(found);
    if (found.caseNo || found.idLast6) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await lookupProgress({ caseNo, idLast6 }));
    } catch (error) {
      setErrors({ form: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell id="page-lookup">
      <View className="sj-card">
        <Text className="lookup__label">办件编号</Text>
        <Input
          className="lookup__input"
          id="lookup-case-no"
          name="caseNo"
          type="number"
          placeholder="回执上的 22 位编号"
          maxLength={22}
          value={caseNo}
          onChange={(v) => setCaseNo(v.replace(/\D/g, ''))}
        />
        {errors.caseNo ? (
          <Text className="sj-field-error" id="lookup-case-no-error">
            {errors.caseNo}
          </Text>
        ) : null}
        <Text className="lookup__label">申请人身份证号码后 6 位</Text>
        <Input
          className="lookup__input"
          id="lookup-id-last6"
          name="idLast6"
          placeholder="如：12345X"
          maxLength={6}
          value={idLast6}
          onChange={(v) => setIdLast6(v.toUpperCase().replace(/[^0-9X]/g, ''))}
        />
        {errors.idLast6 ? (
          <Text className="sj-field-error" id="lookup-id-last6-error">
            {errors.idLast6}
          </Text>
        ) : null}
        {errors.form ? (
          <Text className="sj-field-error" id="lookup-error" aria-live="polite">
            {errors.form}
          </Text>
        ) : null}
        <Button
          block
          className="sj-block-button lookup__submit"
          type="primary"
          id="lookup-submit"
          loading={busy}
          onClick={() => void submit()}
        >
          查询
        </Button>
      </View>
      {result ? (
        <View className="sj-card" id="lookup-result">
          <Text className={`sj-badge ${STATUS_TONE[result.status]}`} id="lookup-status">
            {result.statusText}
          </Text>
          <Text className="lookup__name">{result.itemName}</Text>
          <Text className="lookup__line">办件编号：{result.caseNo}</Text>
          <Text className="lookup__line">最近更新：{formatDateTime(result.updatedAt)}</Text>
          <Text className="lookup__line">承诺办结：{formatDay(result.promisedDate)}前</Text>
        </View>
      ) : null}
      <Text className="sj-hint lookup__note">
        仅显示办理状态，不显示申请人个人信息。申请人本人登录后可在「我的办件」查看详情。
      </Text>
    </PageShell>
  );
}
