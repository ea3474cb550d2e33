import { View, Text } from '@tarojs/components';
import type { ApplicationForm, FormField } from '@suijing/shared';
import type { FormData, FormValue } from '@suijing/shared/forms';
import { FormFieldView } from '@/components/FormFieldView';

export interface FormSectionsProps {
  /** The form schema's sections, rendered in order as cards. */
  sections: ApplicationForm['sections'];
  /** What has been typed so far, by field key. */
  data: FormData;
  /** The message under each field that breaks its rule, by field key. */
  errors: Record<string, string | undefined>;
  /** A hint under a field, e.g. where a locked value comes from. */
  hint: (field: FormField) => string | undefined;
  /** Fields the verified record fills, by key: the masked text they show, locked. */
  locked: Record<string, string>;
  onChange: (field: FormField, value: FormValue) => void;
  onBlur: (field: FormField) => void;
}

/** An application form (an item's or a 一件事 package's combined one) as cards of fields. */
export function FormSections({
  sections,
  data,
  errors,
  hint,
  locked,
  onChange,
  onBlur,
}: FormSectionsProps): JSX.Element {
  return (
    <>
      {sections.map((section, index) => (
        <View className="sj-card apply-section" key={`${index}-${section.title}`} id={`form-section-${index}`}>
          <Text className="apply-section__title">{section.title}</Text>
          {section.fields.map((field) => (
            <FormFieldView
              key={field.key}
              field={field}
              value={data[field.key]}
              error={errors[field.key]}
              hint={hint(field)}
              locked={locked[field.key]}
              onChange={(value) => onChange(field, value)}
              onBlur={() => onBlur(field)}
            />
          ))}
        </View>
      ))}
    </>
  );
}
