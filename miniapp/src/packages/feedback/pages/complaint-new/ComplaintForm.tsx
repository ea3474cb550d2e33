import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { FormField } from '@suijing/shared';
import type { FormValue } from '@suijing/shared/forms';
import { ContactFormFields, useContactPhone } from '@/components/ContactPhone';
import { MaterialUpload } from '@/components/MaterialUpload';
import { useUploads, type Uploads } from '@/hooks/useUploads';
import { complaintUrl, ROUTES } from '@/utils/navigation';
import { stepUpUrl } from '@/utils/assurance';
import { COMPLAINT_CATEGORIES, KIND_TEXT } from '../../utils/format';
import { describeSubmitError, fileComplaint } from '../../services/submit';
import {
  checkComplaintField,
  complaintRequest,
  CONTENT_MAX,
  MAX_PHOTOS,
  TITLE_MAX,
  validateComplaint,
  type ComplaintFieldKey,
  type ComplaintInput,
  type FieldErrors,
} from '../../utils/validate';
import { FieldError } from '@/components/FieldError';
import { SubmitButton } from '@/components/SubmitButton';

type Key = keyof ComplaintInput;

const FIELDS: Record<Key, FormField> = {
  kind: {
    key: 'kind',
    label: '诉求类型',
    type: 'radio',
    required: true,
    options: [
      { value: 'complaint', label: KIND_TEXT.complaint },
      { value: 'suggestion', label: KIND_TEXT.suggestion },
    ],
  },
  category: {
    key: 'category',
    label: '诉求类别',
    type: 'select',
    required: true,
    options: COMPLAINT_CATEGORIES.map((c) => ({ value: c.code, label: c.text })),
  },
  title: {
    key: 'title',
    label: '标题',
    type: 'text',
    required: true,
    maxLength: TITLE_MAX,
    placeholder: '一句话概括，4-40 字',
  },
  content: {
    key: 'content',
    label: '具体内容',
    type: 'textarea',
    required: true,
    maxLength: CONTENT_MAX,
    placeholder: '请写明时间、地点、经过和您的诉求，至少 10 个字',
  },
  phone: { key: 'phone', label: '联系电话', type: 'phone', required: true, help: '用于工作人员联系和回访' },
  caseNo: {
    key: 'caseNo',
    label: '相关办件编号',
    type: 'text',
    required: false,
    maxLength: 22,
    placeholder: '选填，与某个办件有关时填写',
  },
};

const FIELD_ORDER: readonly Key[] = ['kind', 'category', 'title', 'content', 'phone', 'caseNo'];
const PHOTO_SLOTS = Array.from({ length: MAX_PHOTOS }, (_, index) => `photo-${index}`);

/** The uploaded photos' material ids, or a message when one is still uploading or is not a picture. */
function collectPhotos(uploads: Uploads): { ids: string[]; problem?: string } {
  if (uploads.busy) return { ids: [], problem: '照片正在上传，请稍候' };
  const ids: string[] = [];
  for (const key of PHOTO_SLOTS) {
    const slot = uploads.slots[key];
    if (slot?.status !== 'done') continue;
    if (!slot.uploaded.mime.startsWith('image/')) return { ids: [], problem: '请上传照片（JPG 或 PNG），不支持 PDF' };
    ids.push(slot.uploaded.materialId);
  }
  return { ids };
}

/** 我要投诉/建议: kind, category, what happened, up to six photos, a contact number, then one submission. */
export function ComplaintForm({ caseNo = '' }: { caseNo?: string }): JSX.Element {
  const phone = useContactPhone(() => setErrors((prev) => ({ ...prev, phone: undefined })));
  // The account's phone is filled in by the BFF; only another number is typed, checked and sent.
  const typed = phone.typed;
  const uploads = useUploads();
  const [input, setInput] = useState<ComplaintInput>({
    kind: 'complaint',
    category: '',
    title: '',
    content: '',
    phone: '',
    caseNo,
  });
  const [errors, setErrors] = useState<FieldErrors<ComplaintFieldKey | string>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const check = (key: Key, next: ComplaintInput): void =>
    setErrors((prev) => ({ ...prev, [key]: checkComplaintField(key, next, typed) }));

  const change = (key: Key, value: FormValue): void => {
    const text = typeof value === 'string' ? value : '';
    const next: ComplaintInput =
      key === 'kind'
        ? { ...input, kind: text === 'suggestion' ? 'suggestion' : 'complaint' }
        : key === 'category'
          ? { ...input, category: COMPLAINT_CATEGORIES.find((c) => c.code === text)?.code ?? '' }
          : { ...input, [key]: text };
    setInput(next);
    // Choices are checked at once; typed fields once they were wrong (or on blur).
    if (FIELDS[key].type === 'radio' || FIELDS[key].type === 'select' || errors[key]) check(key, next);
  };

  const submit = async (): Promise<void> => {
    const photos = collectPhotos(uploads);
    const found: FieldErrors<string> = { ...validateComplaint(input, photos.ids.length, typed) };
    if (photos.problem) found.photos = photos.problem;
    setErrors(found);
    // (`category === ''` is already an issue; checked again so the request below is typed.)
    if (Object.keys(found).length > 0 || input.category === '') {
      void Taro.showToast({ title: '还有信息需要填写或修改', icon: 'none' });
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      const detail = await fileComplaint(complaintRequest({ ...input, category: input.category }, photos.ids, typed));
      void Taro.showToast({ title: '诉求已提交', icon: 'success' });
      void Taro.redirectTo({ url: complaintUrl(detail.id) });
    } catch (error) {
      const described = describeSubmitError(error, '可再次提交，不会重复生成诉求');
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp, ROUTES.complaintNew) });
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

  // One more photo slot appears once the previous one holds a file.
  const visible = PHOTO_SLOTS.filter(
    (key, index) => index === 0 || uploads.slots[PHOTO_SLOTS[index - 1] ?? ''] !== undefined,
  );

  return (
    <View id="complaint-form">
      <View className="sj-card" id="complaint-fields">
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

      <View className="sj-card" id="complaint-photos">
        <Text className="complaint-new__title">现场照片（选填，最多 {MAX_PHOTOS} 张）</Text>
        <Text className="complaint-new__note">JPG 或 PNG，单张不超过 10 MB</Text>
        {visible.map((key, index) => (
          <MaterialUpload
            key={key}
            id={`complaint-photo-${index}`}
            label={`照片 ${index + 1}`}
            slot={uploads.slots[key]}
            disabled={sending}
            onPick={(file) => {
              uploads.upload(key, file);
              setErrors((prev) => ({ ...prev, photos: undefined }));
            }}
            onRetry={() => uploads.retry(key)}
            onRemove={() => uploads.remove(key)}
          />
        ))}
        <FieldError id="complaint-photos-error" message={errors.photos} />
      </View>

      <View className="complaint-new__actions">
        <FieldError id="complaint-new-error" className="complaint-new__error" message={failure} />
        <SubmitButton
          id="complaint-new-submit"
          label="提交诉求"
          sending={sending}
          failed={Boolean(failure)}
          onSubmit={() => void submit()}
        />
      </View>
    </View>
  );
}
