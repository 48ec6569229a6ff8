import { A } from '@solidjs/router';
import { useRecordText } from './record-text.ts';

/** Shown instead of a record screen while there is no profile to write in. */
export function NoProfile(props: { title: string }) {
  const { tr } = useRecordText();
  return (
    <section class="stack" aria-labelledby="record-no-profile-title">
      <h1 id="record-no-profile-title">{props.title}</h1>
      <p class="message">{tr('editor.noProfile')}</p>
      <p>
        <A href="/profiles" class="button">
          {tr('editor.createProfile')}
        </A>
      </p>
    </section>
  );
}
