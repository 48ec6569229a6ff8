import { Navigate } from '@solidjs/router';
import { type ParentProps, Show } from 'solid-js';
import { useApp } from './app-context.tsx';

/** Screens that show health data exist only while the vault is unlocked. */
export function RequireUnlocked(props: ParentProps) {
  const app = useApp();
  return (
    <Show when={app.status() === 'unlocked'} fallback={<Navigate href="/" />}>
      {props.children}
    </Show>
  );
}
