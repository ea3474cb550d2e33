import { useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FormField, Licence } from '@suijing/shared';
import { checkField, formFields, validateForm, type FormData, type FormValue } from '@suijing/shared/forms';
import { useUploads } from '@/hooks/useUploads';
import { saveDraft } from '@/services/drafts';
import { goTo, ROUTES } from '@/utils/navigation';
import { FormSections } from '../../components/FormSections';
import { useDeliveryStep } from '../../components/DeliveryStep';
import { useAutosave, type AutosaveStatus } from '../../hooks/useAutosave';
import { applySession } from '../../state/session';
import { chosenMaterials, missingMaterials } from '@/utils/materials';
import { draftData, resumeData, submitData } from '../../utils/form-data';
import { useLockedIdentity } from '../../hooks/useLockedIdentity';
import { readUploads, writeUploads } from '../../state/remembered-uploads';
import { MaterialsPanel } from '@/components/MaterialsPanel';
import { ActingForBanner } from '../../components/ActingForBanner';
import type { FormPageData } from './load';

const SAVE_TEXT: Record<AutosaveStatus, string> = {
  idle: '填写内容将自动保存',
  pending: '正在输入…',
  saving: '正在保存…',
  saved: '已保存',
  error: '暂未保存，稍后自动重试',
};

/** Fields whose value is chosen, not typed: checked as soon as it changes. */
const CHOSEN: ReadonlyArray<FormField['type']> = ['select', 'radio', 'checkbox', 'date'];

function scrollTo(selector: string): void {
  void Taro.pageScrollTo({ selector, duration: 200 }).catch(() => undefined);
}

/** The item form: sections of fields checked as typed, autosaved, then the materials and 下一步. */
export function ApplyForm({ data: loaded }: { data: FormPageData }): JSX.Element {
  const { item, draft, identity, licences, member } = loaded;
  const memberId = member?.memberId;
  // Uploads are remembered per form: mine, or the one for this member.
  const uploadsKey = memberId ? `${item.code}.${memberId}` : item.code;
  const fields = useMemo(() => formFields(item.form), [item]);
  // The applicant's own identity (or the member's) comes from the record: shown masked and locked, never sent.
  const { locked, lockedKeys, hint: lockedHint } = useLockedIdentity(item.form, identity, member);
  const [data, setData] = useState<FormData>(() => resumeData(item.form, draft));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [materialErrors, setMaterialErrors] = useState<Record<string, string | undefined>>({});
  const [licenceChoice, setLicenceChoice] = useState<Record<string, Licence | undefined>>({});
  const touched = useRef(new Set<string>());
  const dataRef = useRef(data);
  dataRef.current = data;
  const uploads = useUploads();
  const delivery = useDeliveryStep(item, identity);
  const { restore } = uploads;

  useEffect(() => restore(readUploads(uploadsKey)), [uploadsKey, restore]);
  useEffect(() => {
    const done = Object.fromEntries(
      Object.entries(uploads.slots).flatMap(([name, slot]) => (slot?.status === 'done' ? [[name, slot.uploaded]] : [])),
    );
    writeUploads(uploadsKey, done);
  }, [uploadsKey, uploads.slots]);

  const saveable = useMemo(() => draftData(item.form, data), [item.form, data]);
  const saveStatus = useAutosave(
    saveable,
    async (value) => {
      await saveDraft(item.code, value, item.form.version, memberId);
    },
    true,
  );

  // Back from the review page with the BFF's verdict on some fields.
  useDidShow(() => {
    const { serverErrors } = applySession.get();
    if (serverErrors.length === 0) return;
    applySession.set((prev) => ({ ...prev, serverErrors: [] }));
    setErrors(Object.fromEntries(serverErrors.map((issue) => [issue.path, issue.message])));
    const first = serverErrors[0];
    if (first) setTimeout(() => scrollTo(`#field-${first.path}`), 300);
  });

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

  const next = (): void => {
    const sent = submitData(item.form, data, lockedKeys);
    const issues = validateForm(item.form, sent, { filledByServer: lockedKeys });
    const fieldErrors = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
    fields.forEach((field) => touched.current.add(field.key));
    setErrors(fieldErrors);
    const chosen = chosenMaterials(item.materials, uploads.slots, licenceChoice);
    const missing = missingMaterials(item.materials, chosen);
    setMaterialErrors(Object.fromEntries(missing.map((m) => [m.name, '请上传该材料'])));
    if (uploads.busy) {
      void Taro.showToast({ title: '材料正在上传，请稍候', icon: 'none' });
      return;
    }
    const deliveryProblems = delivery.check();
    if (issues.length > 0 || missing.length > 0 || deliveryProblems > 0) {
      const count = issues.length + missing.length + deliveryProblems;
      void Taro.showToast({ title: `还有 ${count} 项需要填写或修改`, icon: 'none' });
      const first = issues[0];
      scrollTo(first ? `#field-${first.path}` : missing.length > 0 ? '#apply-materials' : '#apply-delivery');
      return;
    }
    applySession.set({
      pending: {
        item,
        data: sent,
        materials: chosen,
        locked,
        delivery: delivery.choice(),
        deliveryLabel: delivery.savedLabel(),
        ...(member
          ? { member: { memberId: member.memberId, nameMasked: member.nameMasked, relationText: member.relationText } }
          : {}),
      },
      serverErrors: [],
      receipt: null,
    });
    goTo(ROUTES.review);
  };

  return (
    <>
      <View className="apply-head">
        <Text className="apply-head__name" id="form-item-name">
          {item.name}
        </Text>
        <Text className="apply-head__note">
          {draft ? '已为您恢复上次保存的草稿。' : ''}带 * 为必填项，填写内容自动保存，可在其他设备继续。
        </Text>
      </View>
      {member ? <ActingForBanner member={member} /> : null}

      <FormSections
        sections={item.form.sections}

        data={data}

        errors={errors}

        hint={lockedHint}
        locked={locked}

        onChange={change}

        onBlur={blur}
      />

      {delivery.view}

      <MaterialsPanel
        materials={item.materials}
        licences={licences}
        uploads={uploads}
        licenceChoice={licenceChoice}
        errors={materialErrors}
        onChooseLicence={(name, licence) => {
          setLicenceChoice((prev) => ({ ...prev, [name]: licence }));
          setMaterialErrors((prev) => ({ ...prev, [name]: undefined }));
        }}
        onUploaded={(name) => setMaterialErrors((prev) => ({ ...prev, [name]: undefined }))}
      />

      <View className="apply-bar">
        <Text
          className={`apply-bar__status apply-bar__status--${saveStatus}`}
          id="draft-status"
          data-status={saveStatus}
          aria-live="polite"
        >
          {SAVE_TEXT[saveStatus]}
        </Text>
        <Button className="apply-bar__next" id="form-next" type="primary" onClick={next}>
          下一步
        </Button>
      </View>
    </>
  );
}
