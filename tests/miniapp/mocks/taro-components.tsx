/**
 * @tarojs/components as plain DOM elements, for jsdom. Only the props a test can observe are
 * passed on (className, style, data-*, aria-*, onClick, disabled); Taro-only props are dropped
 * so React does not warn about unknown DOM attributes.
 */
import type { ChangeEvent, ReactNode } from 'react';

type TProps = { children?: ReactNode; [key: string]: unknown };

function domProps(props: TProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'style' || k === 'id' || k === 'onClick' || k === 'disabled' || k === 'children') out[k] = v;
    else if (k.startsWith('data-') || k.startsWith('aria-')) out[k] = v;
  }
  return out;
}

export const View = (props: TProps) => <div {...domProps(props)} />;
export const Text = (props: TProps) => <span {...domProps(props)} />;
export const Label = (props: TProps) => <label {...domProps(props)} />;
export const Image = (props: TProps & { src?: string }) => <img alt="" src={props.src} {...domProps(props)} />;
export const ScrollView = View;
export const Button = (props: TProps) => <button type="button" {...domProps(props)} />;

/** Taro's Input reports typing as onInput({ detail: { value } }). */
export const Input = (
  props: TProps & { value?: string; placeholder?: string; type?: string; maxlength?: number; onInput?: (e: { detail: { value: string } }) => void },
) => (
  <input
    {...domProps(props)}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    onChange={(e: ChangeEvent<HTMLInputElement>) => props.onInput?.({ detail: { value: e.target.value } })}
  />
);

/** Taro's Textarea reports typing as onInput({ detail: { value } }), like Input. */
export const Textarea = (
  props: TProps & { value?: string; placeholder?: string; maxlength?: number; onInput?: (e: { detail: { value: string } }) => void },
) => (
  <textarea
    {...domProps(props)}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    maxLength={props.maxlength}
    onChange={(e: ChangeEvent<HTMLTextAreaElement>) => props.onInput?.({ detail: { value: e.target.value } })}
  />
);

export const Switch = (props: TProps & { checked?: boolean; onChange?: (e: { detail: { value: boolean } }) => void }) => (
  <input
    type="checkbox"
    {...domProps(props)}
    checked={Boolean(props.checked)}
    onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange?.({ detail: { value: e.target.checked } })}
  />
);

/** Taro's Picker (mode='date' here): its children are the tap target; a test sets the value through the input. */
export const Picker = (props: TProps & { value?: string; onChange?: (e: { detail: { value: string } }) => void }) => (
  <div {...domProps(props)}>
    {props.children}
    <input
      data-picker-input="true"
      value={props.value ?? ''}
      onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange?.({ detail: { value: e.target.value } })}
    />
  </div>
);
