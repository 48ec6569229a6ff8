import { Route, Router } from '@solidjs/router';
import { createEffect, type ParentProps } from 'solid-js';
import { DocumentsPage } from '../features/documents/documents-page.tsx';
import { ProfilesPage } from '../features/profiles/profiles-page.tsx';
import { KindPage } from '../features/record/kind-page.tsx';
import { MeasurementsPage } from '../features/record/measurements-page.tsx';
import { RecordEditorPage } from '../features/record/record-editor-page.tsx';
import { TimelinePage } from '../features/record/timeline-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { CreateVaultPage } from '../features/vault/create-vault-page.tsx';
import { RecoverPage } from '../features/vault/recover-page.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { HomePage } from './home-page.tsx';
import { Layout } from './layout.tsx';
import { RequireUnlocked } from './require-unlocked.tsx';
import './app.css';

function Guarded(props: ParentProps) {
  return <RequireUnlocked>{props.children}</RequireUnlocked>;
}

export function App() {
  const { locale, t } = useI18n();

  // The document language drives screen-reader pronunciation, hyphenation and spell-checking.
  createEffect(() => {
    document.documentElement.lang = locale();
    document.title = t('app.name');
  });

  return (
    <Router root={Layout}>
      <Route path="/" component={HomePage} />
      <Route path="/create" component={CreateVaultPage} />
      <Route path="/recover" component={RecoverPage} />
      <Route path="/" component={Guarded}>
        <Route path="/profiles" component={ProfilesPage} />
        <Route path="/record" component={TimelinePage} />
        <Route path="/record/:kind" component={KindPage} />
        <Route path="/record/:kind/new" component={RecordEditorPage} />
        <Route path="/record/:kind/:id" component={RecordEditorPage} />
        <Route path="/documents" component={DocumentsPage} />
        <Route path="/measurements" component={MeasurementsPage} />
        <Route path="/settings" component={SettingsPage} />
      </Route>
      <Route path="*" component={HomePage} />
    </Router>
  );
}
