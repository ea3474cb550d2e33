import { useState } from 'react';
import { act, fireEvent, render } from '@testing-library/react';
import type { FormField } from '@suijing/shared';
import { checkField, type FormValue } from '@suijing/shared/forms';
import { FormFieldView } from '@/components/FormFieldView';
import { useAutosave } from '@/packages/apply/hooks/useAutosave';
import { draftData } from '@/packages/apply/utils/form-data';
import { byId } from '../support/dom';

/** One field wired like the form page: checked on blur, then as typed. */
function Harness({ field }: { field: FormField }): JSX.Element {
  const [value, setValue] = useState<FormValue | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <FormFieldView
      field={field}
      value={value}
      error={error}
      onChange={(v) => {
        setValue(v);
        if (error || field.type === 'radio' || field.type === 'select' || field.type === 'checkbox') {
          setError(checkField(field, v));
        }
      }}
      onBlur={() => setError(checkField(field, value))}
    />
  );
}

const OPTIONS = [
  { value: '1', label: '窗口领取' },
  { value: '2', label: '邮政速递' },
];

function typeInto(key: string, text: string): HTMLInputElement {
  const host = byId(`field-${key}-input`);
  const input = (host.matches('input, textarea') ? host : host.querySelector('input, textarea')) as HTMLInputElement;
  fireEvent.change(input, { target: { value: text } });
  fireEvent.input(input, { target: { value: text } });
  fireEvent.blur(input);
  return input;
}

describe('form fields', () => {
  it.each([
    ['idNumber', '440101199001011234', '不是有效的 18 位身份证号码'],
    ['phone', '1380013', '应为 11 位手机号码'],
    ['plate', '粤12345', '格式不正确'],
    ['text', '', '请填写'],
    ['number', '0', '不能小于 1'],
    ['address', '', '请填写'],
  ] as const)('when a %s field gets %p and is left, then the shared rule says %p', (type, text, message) => {
    // Arrange
    const field: FormField = { key: 'f', label: '字段', type, required: true, min: 1 };
    render(<Harness field={field} />);

    // Act
    typeInto('f', text);

    // Assert
    expect(byId('field-f-error').textContent).toContain(message);
  });

  it('when a radio or short select option is tapped, then it is chosen and valid', () => {
    for (const type of ['radio', 'select'] as const) {
      const { unmount } = render(
        <Harness field={{ key: 'r', label: '领取方式', type, required: true, options: OPTIONS }} />,
      );
      fireEvent.click(byId('field-r-option-2'));
      expect(byId('field-r-option-2').getAttribute('aria-checked')).toBe('true');
      expect(document.getElementById('field-r-error')).toBeNull();
      unmount();
    }
  });

  it('when checkbox options are tapped twice, then they toggle and an emptied required one is flagged', () => {
    render(<Harness field={{ key: 'c', label: '用途', type: 'checkbox', required: true, options: OPTIONS }} />);
    fireEvent.click(byId('field-c-option-1'));
    expect(byId('field-c-option-1').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(byId('field-c-option-1'));
    expect(byId('field-c-error').textContent).toBe('请填写用途');
  });

  it('when a date field is rendered, then it offers a picker with a placeholder', () => {
    render(<Harness field={{ key: 'd', label: '预约日期', type: 'date', required: false }} />);
    expect(byId('field-d-picker').textContent).toContain('请选择日期');
  });

  describe('date pickers on 2026-12-08 (Beijing)', () => {
    // 10:00 in Beijing; these checks run synchronously, so faked timers change nothing else.
    beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-08T02:00:00Z') }));
    afterEach(() => jest.useRealTimers());

    /** The Taro picker around the field's trigger, with its range as the page sets it. */
    const pickerOf = (key: string): HTMLElement => {
      const picker = byId(`field-${key}-picker`).closest<HTMLElement>('[data-picker]');
      if (!picker) throw new Error(`no picker for ${key}`);
      return picker;
    };

    it('when a birth date is picked, then the wheel runs from 1900 to today and opens on today', () => {
      // Arrange / Act
      render(
        <Harness
          field={{ key: 'bb_csrq', label: '出生日期', type: 'date', required: true, earliest: '1900-01-01', latest: 0 }}
        />,
      );

      // Assert
      const picker = pickerOf('bb_csrq');
      expect(picker.dataset).toMatchObject({
        mode: 'date',
        start: '1900-01-01',
        end: '2026-12-08',
        value: '2026-12-08',
      });
    });

    it('when a booking date is picked, then only the coming week is offered and the wheel opens on its first day', () => {
      // Arrange / Act
      render(
        <Harness
          field={{ key: 'yjsj', label: '预约办理日期', type: 'date', required: false, earliest: 1, latest: 7 }}
        />,
      );

      // Assert
      expect(pickerOf('yjsj').dataset).toMatchObject({ start: '2026-12-09', end: '2026-12-15', value: '2026-12-09' });
    });

    it('when a date outside the range is checked in the form, then the message names the bound crossed today', () => {
      // Arrange
      const field: FormField = {
        key: 'tjrq',
        label: '体检日期',
        type: 'date',
        required: true,
        earliest: -365,
        latest: 0,
      };

      // Act
      const early = checkField(field, '2025-12-07');
      const late = checkField(field, '2026-12-09');

      // Assert
      expect(early).toBe('体检日期不能早于2025年12月8日');
      expect(late).toBe('体检日期不能晚于今天');
      expect(checkField(field, '2026-12-08')).toBeUndefined();
    });
  });
});

describe('draft data', () => {
  it('when a value is half typed, then the draft leaves it out and keeps the valid ones', () => {
    const form = {
      version: 'v1',
      sections: [
        {
          title: 's',
          fields: [
            { key: 'xm', label: '姓名', type: 'text', required: true },
            { key: 'sfzh', label: '身份证', type: 'idNumber', required: true },
          ] satisfies FormField[],
        },
      ],
    };
    expect(draftData(form, { xm: '张三', sfzh: '4401' })).toEqual({ xm: '张三' });
  });
});

describe('autosave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function Saver({ value, save }: { value: string; save: (v: string) => Promise<void> }): JSX.Element {
    const status = useAutosave(value, save, true, 1000);
    return <span id="status">{status}</span>;
  }

  it('when the citizen types quickly, then one save runs a second after the last change', async () => {
    // Arrange
    const save = jest.fn(async () => undefined);
    const { rerender } = render(<Saver value="" save={save} />);

    // Act
    rerender(<Saver value="a" save={save} />);
    act(() => jest.advanceTimersByTime(500));
    rerender(<Saver value="ab" save={save} />);
    act(() => jest.advanceTimersByTime(500));
    rerender(<Saver value="abc" save={save} />);
    expect(save).not.toHaveBeenCalled();
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });

    // Assert
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('abc');
    expect(byId('status').textContent).toBe('saved');
  });
});
