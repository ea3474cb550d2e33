import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { DowngradeRequest, DrivingLicence, FormField, ItemGuide, Licence } from '@suijing/shared';
import type { FormValue } from '@suijing/shared/forms';
import { ContactFormFields, useContactPhone } from '@/components/ContactPhone';
import { MaterialsPanel } from '@/components/MaterialsPanel';
import { ROUTES, withQuery } from '@/utils/navigation';
import { stepUpUrl } from '@/utils/assurance';
import { ApplicationLayout } from '../../components/ApplicationLayout';
import { applyDowngrade, describeSubmitError } from '../../services/submit';
import { useMaterials } from '../../hooks/useMaterials';
import { validateDowngrade, type DowngradeInput } from '../../utils/validate';

type Downgrade = NonNullable<DrivingLicence['downgrade']>;
type Key = keyof DowngradeInput;

export const DELIVERY_LABEL: Record<DowngradeRequest['delivery'], string> = {
  window: '窗口领取',
  post: '邮政速递（到付）',
};

function fields(downgrade: Downgrade): Record<Key, FormField> {
  return {
    targetClass: {
      key: 'targetClass',
      label: '降级后的准驾车型',
      type: 'radio',
      required: true,
      options: downgrade.options.map((o) => ({ value: o.code, label: o.label })),
    },
    phone: { key: 'phone', label: '联系电话', type: 'phone', required: true, help: '用于办理进度通知和证件寄递' },
    address: { key: 'address', label: '通讯地址', type: 'address', required: true, maxLength: 100 },
    delivery: {
      key: 'delivery',
      label: '领取新驾驶证',
      type: 'radio',
      required: true,
      options: [
        { value: 'window', label: DELIVERY_LABEL.window },
        { value: 'post', label: DELIVERY_LABEL.post },
      ],
    },
  };
}

const FIELD_ORDER: readonly Key[] = ['targetClass', 'phone', 'address', 'delivery'];

interface DowngradeFormProps {
  licence: DrivingLicence;
  downgrade: Downgrade;
  guide: ItemGuide;
  licences: Licence[];
}

/** 自愿降级: the class to drop to, contact and delivery, the guide's materials, then one submission. */
export function DowngradeForm({ licence, downgrade, guide, licences }: DowngradeFormProps): JSX.Element {
  const phone = useContactPhone(() => setErrors((prev) => ({ ...prev, phone: undefined })));
  // The account's phone is filled in by the BFF; only another number is typed, checked and sent.
  const typed = phone.typed;
  const form = fields(downgrade);
  const allowed = downgrade.options.map((o) => o.code);
  const [input, setInput] = useState<DowngradeInput>({ targetClass: '', phone: '', address: '', delivery: 'window' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const materials = useMaterials(guide.materials);

  const check = (key: Key, next: DowngradeInput): void =>
    setErrors((prev) => ({ ...prev, [key]: validateDowngrade(next, allowed, typed)[key] }));

  const change = (key: Key, value: FormValue): void => {
    const next = { ...input, [key]: typeof value === 'string' ? value : '' };
    setInput(next);
    // Choices are checked at once; typed fields once they were wrong (or on blur).
    if (form[key].type === 'radio' || errors[key]) check(key, next);
  };

  const option = downgrade.options.find((o) => o.code === input.targetClass);
  const summary = option
    ? `申请 ${option.label}，${input.delivery ? DELIVERY_LABEL[input.delivery] : '请选择领取方式'}`
    : '请选择降级后的准驾车型';

  const submit = async (): Promise<void> => {
    const issues = validateDowngrade(input, allowed, typed);
    setErrors(issues);
    const chosen = materials.collect();
    if (materials.busy) {
      void Taro.showToast({ title: '材料正在上传，请稍候', icon: 'none' });
      return;
    }
    // (`delivery === ''` is already an issue; checked again so the request below is typed.)
    if (Object.keys(issues).length > 0 || !chosen || input.delivery === '') {
      void Taro.showToast({ title: '还有信息需要填写或修改', icon: 'none' });
      return;
    }
    const request: DowngradeRequest = {
      targetClass: input.targetClass,
      ...(typed ? { phone: input.phone.trim() } : {}),
      address: input.address.trim(),
      delivery: input.delivery,
      materials: chosen.map((c) => c.ref),
    };
    setSending(true);
    setFailure(null);
    try {
      const detail = await applyDowngrade(request);
      void Taro.redirectTo({ url: withQuery(ROUTES.receipt, { caseNo: detail.caseNo }) });
    } catch (error) {
      const described = describeSubmitError(error);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, ROUTES.downgrade) });
        return;
      }
      // The account has no phone after all (answered by the BFF): let it be typed.
      if (described.fields.phone) phone.onCustomPhone(true);
      setErrors((prev) => ({ ...prev, ...described.fields }));
      setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <ApplicationLayout
      id="downgrade"
      title={guide.name}
      note={`当前准驾车型 ${licence.classes}。降级后换发新证，原证件收回；记分和有效期不变。`}
      summary={summary}
      failure={failure}
      sending={sending}
      onSubmit={() => void submit()}
    >
      <View className="sj-card" id="downgrade-fields">
        <Text className="traffic-apply__title">申请信息</Text>
        <ContactFormFields
          order={FIELD_ORDER}
          fields={form}
          values={input}
          errors={errors}
          phone={phone}
          onChange={change}
          onBlur={(key) => check(key, input)}
        />
      </View>
      <MaterialsPanel materials={guide.materials} licences={licences} {...materials.panel} />
    </ApplicationLayout>
  );
}
