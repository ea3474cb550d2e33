import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { FormField, ItemGuide, Licence, Material, MortgageReleaseRequest, VehicleDetail } from '@suijing/shared';
import type { FormValue } from '@suijing/shared/forms';
import { ContactFormFields, useContactPhone } from '@/components/ContactPhone';
import { MaterialsPanel } from '@/components/MaterialsPanel';
import { materialsToProvide } from '@/utils/materials';
import { mortgageReleaseUrl, ROUTES, withQuery } from '@/utils/navigation';
import { stepUpUrl } from '@/utils/assurance';
import { ApplicationLayout } from '../../components/ApplicationLayout';
import { Plate } from '../../components/Plate';
import { applyMortgageRelease, describeSubmitError } from '../../services/submit';
import { useMaterials } from '../../hooks/useMaterials';
import { validateContact, type ContactInput } from '../../utils/validate';

type Key = keyof ContactInput;

const FIELDS: Record<Key, FormField> = {
  phone: { key: 'phone', label: '联系电话', type: 'phone', required: true, help: '用于办理进度通知' },
  address: { key: 'address', label: '通讯地址', type: 'address', required: true, maxLength: 100 },
};
const FIELD_ORDER: readonly Key[] = ['phone', 'address'];

export const LENDER_SUPPLIED_NOTE = '抵押权人已线上推送解除抵押书面材料，无需上传';

/**
 * The guide's materials as this form asks them: those the system supplies
 * itself (the lender's release record reaches the traffic system from the
 * lender directly) count as exempt online like any the guide exempts, so
 * they are listed as needing no upload, as the guide says, and never block.
 */
export function applicantMaterials(materials: Material[], supplied: readonly string[]): Material[] {
  return materials.map((material) =>
    supplied.includes(material.name) && material.onlineExemption === undefined
      ? { ...material, onlineExemption: 'shared' }
      : material,
  );
}

/** The head's line: what is left to do, naming as many materials as the form really asks for. */
export function releaseNote(materials: Material[]): string {
  const count = materialsToProvide(materials).length;
  const todo = count === 0 ? '填写联系方式即可在线申请' : `填写联系方式并提供 ${count} 项必要材料即可在线申请`;
  return `抵押权人已提交解除抵押信息，${todo}，办结后抵押登记即解除。`;
}

interface ReleaseFormProps {
  vehicle: VehicleDetail;
  lender: string | undefined;
  guide: ItemGuide;
  licences: Licence[];
}

/** 解除抵押: the vehicle, contact details and the applicant's materials, then one submission. */
export function ReleaseForm({ vehicle, lender, guide, licences }: ReleaseFormProps): JSX.Element {
  const phone = useContactPhone(() => setErrors((prev) => ({ ...prev, phone: undefined })));
  // The account's phone is filled in by the BFF; only another number is typed, checked and sent.
  const typed = phone.typed;
  const materialList = applicantMaterials(guide.materials, vehicle.mortgageRelease?.suppliedMaterials ?? []);
  const [input, setInput] = useState<ContactInput>({ phone: '', address: '' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const materials = useMaterials(materialList);

  const check = (key: Key, next: ContactInput): void =>
    setErrors((prev) => ({ ...prev, [key]: validateContact(next, typed)[key] }));
  const change = (key: Key, value: FormValue): void => {
    const next = { ...input, [key]: typeof value === 'string' ? value : '' };
    setInput(next);
    if (errors[key]) check(key, next);
  };

  const submit = async (): Promise<void> => {
    const issues = validateContact(input, typed);
    setErrors(issues);
    const chosen = materials.collect();
    if (materials.busy) {
      void Taro.showToast({ title: '材料正在上传，请稍候', icon: 'none' });
      return;
    }
    if (Object.keys(issues).length > 0 || !chosen) {
      void Taro.showToast({ title: '还有信息需要填写或修改', icon: 'none' });
      return;
    }
    const request: MortgageReleaseRequest = {
      ...(typed ? { phone: input.phone.trim() } : {}),
      address: input.address.trim(),
      materials: chosen.map((c) => c.ref),
    };
    setSending(true);
    setFailure(null);
    try {
      const detail = await applyMortgageRelease(vehicle.id, request);
      void Taro.redirectTo({ url: withQuery(ROUTES.receipt, { caseNo: detail.caseNo }) });
    } catch (error) {
      const described = describeSubmitError(error);
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, mortgageReleaseUrl(vehicle.id)) });
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
      id="release"
      title={guide.name}
      note={releaseNote(materialList)}
      summary={`申请解除 ${vehicle.plateMasked} 的抵押登记${lender ? `（抵押权人：${lender}）` : ''}`}
      failure={failure}
      sending={sending}
      onSubmit={() => void submit()}
    >
      <View className="sj-card release-vehicle" id="release-vehicle">
        <Plate text={vehicle.plateMasked} colour={vehicle.plateColour} id="release-plate" />
        <View className="release-vehicle__text">
          <Text className="release-vehicle__name">
            {vehicle.brand} {vehicle.model}
          </Text>
          <Text className="release-vehicle__lender" id="release-lender">
            抵押权人：{lender ?? '—'}
          </Text>
        </View>
      </View>
      <View className="sj-card" id="release-fields">
        <Text className="traffic-apply__title">申请信息</Text>
        <ContactFormFields
          order={FIELD_ORDER}
          fields={FIELDS}
          values={input}
          errors={errors}
          phone={phone}
          onChange={change}
          onBlur={(key) => check(key, input)}
        />
      </View>
      <MaterialsPanel materials={materialList} licences={licences} note={LENDER_SUPPLIED_NOTE} {...materials.panel} />
    </ApplicationLayout>
  );
}
