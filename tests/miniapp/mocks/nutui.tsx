/**
 * The few NutUI components the app uses (see miniapp/src/components/nut.ts), as plain DOM.
 * A loading or disabled Button ignores taps, as NutUI's does.
 */
import type { ReactNode } from 'react';

type TProps = { children?: ReactNode; className?: string; [key: string]: unknown };

function dataProps(props: TProps): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('data-') || k.startsWith('aria-')));
}

export const Button = (props: TProps & { onClick?: () => void; disabled?: boolean; loading?: boolean; type?: string }) => (
  <button
    type="button"
    className={props.className}
    data-type={props.type}
    data-loading={props.loading ? 'true' : undefined}
    disabled={Boolean(props.disabled || props.loading)}
    onClick={() => props.onClick?.()}
    {...dataProps(props)}
  >
    {props.children}
  </button>
);

export const Cell = (props: TProps & { title?: ReactNode; extra?: ReactNode; description?: ReactNode; onClick?: () => void }) => (
  <div className={props.className} onClick={() => props.onClick?.()} {...dataProps(props)}>
    <span>{props.title}</span>
    {props.description ? <span>{props.description}</span> : null}
    {props.extra ? <span>{props.extra}</span> : null}
    {props.children}
  </div>
);

export const CellGroup = (props: TProps & { title?: ReactNode }) => (
  <section className={props.className}>
    {props.title ? <h3>{props.title}</h3> : null}
    {props.children}
  </section>
);

export const Tag = (props: TProps & { type?: string }) => (
  <span className={props.className} data-type={props.type}>
    {props.children}
  </span>
);
