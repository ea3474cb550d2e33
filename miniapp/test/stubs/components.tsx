/**
 * Stand-ins for @tarojs/components in jsdom: each Taro component becomes the
 * plain element Taro's H5 build renders, keeping only DOM-valid props.
 */
import { createElement, forwardRef, type ReactNode, type Ref } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

const PASS = new Set([
  'id',
  'className',
  'style',
  'role',
  'value',
  'placeholder',
  'maxLength',
  'disabled',
  'name',
  'type',
  'onClick',
  'onInput',
  'onChange',
  'onFocus',
  'onBlur',
  'onKeyDown',
  'onTouchStart',
  'onTouchMove',
  'onTouchEnd',
]);

function domProps(props: Props): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (PASS.has(key) || key.startsWith('aria-') || key.startsWith('data-')) out[key] = value;
  }
  return out;
}

function host(tag: string, displayName: string) {
  const Component = forwardRef((props: Props, ref: Ref<HTMLElement>) =>
    createElement(tag, { ...domProps(props), ref }, props.children),
  );
  Component.displayName = displayName;
  return Component;
}

export const View = host('div', 'View');
export const Text = host('span', 'Text');
export const Button = host('button', 'Button');
export const Image = host('img', 'Image');
export const ScrollView = host('div', 'ScrollView');
export const Form = host('form', 'Form');
export const Label = host('label', 'Label');

type InputHandler = (event: { detail: { value: string }; target: EventTarget }) => void;

/**
 * Taro's Input is uncontrolled-with-value on H5; React needs onChange to be
 * quiet. Like Taro's, its onInput reports the text as event.detail.value.
 */
export const Input = forwardRef((props: Props, ref: Ref<HTMLInputElement>) => {
  const onInput = props.onInput as InputHandler | undefined;
  return createElement('input', {
    ...domProps(props),
    onInput: onInput
      ? (event: { target: EventTarget }) =>
          onInput({ detail: { value: (event.target as HTMLInputElement).value }, target: event.target })
      : undefined,
    onChange: props.onChange ?? (() => undefined),
    ref,
  });
});
Input.displayName = 'Input';

/** Taro's Textarea (NutUI's TextArea renders it): like Input, onInput reports the text as event.detail.value. */
export const Textarea = forwardRef((props: Props, ref: Ref<HTMLTextAreaElement>) => {
  const onInput = props.onInput as InputHandler | undefined;
  return createElement('textarea', {
    ...domProps(props),
    onInput: onInput
      ? (event: { target: EventTarget }) =>
          onInput({ detail: { value: (event.target as HTMLTextAreaElement).value }, target: event.target })
      : undefined,
    onChange: props.onChange ?? (() => undefined),
    ref,
  });
});
Textarea.displayName = 'Textarea';

/**
 * Taro's Picker: renders its trigger; tests choose through the component's own
 * onChange. Its mode, range ends and value show as data-* for assertions.
 */
export const Picker = forwardRef((props: Props, ref: Ref<HTMLElement>) =>
  createElement(
    'div',
    {
      ...domProps(props),
      ref,
      'data-picker': true,
      'data-mode': props.mode,
      'data-start': props.start,
      'data-end': props.end,
      'data-value': props.value,
    },
    props.children,
  ),
);
Picker.displayName = 'Picker';
