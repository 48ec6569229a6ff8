/**
 * Hands the openings notice to the header note and to /emergency, which sit in different branches
 * of the layout. A notice belongs to one unlocked session: made on unlock, dropped on lock with
 * what it learned from the server, so nothing of it outlives the session in memory.
 */
import { type Accessor, createContext, createMemo, type ParentProps, useContext } from 'solid-js';
import { useApp } from '../../store/app-context.tsx';
import { createOpeningsNotice, type OpeningsNotice } from './openings-notice.ts';

const NoticeContext = createContext<Accessor<OpeningsNotice | undefined>>(() => undefined);

export function OpeningsNoticeScope(props: ParentProps) {
  const app = useApp();
  const notice = createMemo(() =>
    app.status() === 'unlocked' ? createOpeningsNotice(globalThis.localStorage) : undefined,
  );
  return <NoticeContext.Provider value={notice}>{props.children}</NoticeContext.Provider>;
}

/** The session's notice; undefined while locked. */
export function useOpeningsNotice(): Accessor<OpeningsNotice | undefined> {
  return useContext(NoticeContext);
}
