import { Route, Router } from '@solidjs/router';
import { createEffect, lazy, type ParentProps } from 'solid-js';
import { useI18n } from '../i18n/i18n-context.tsx';
import { RequireUnlocked } from '../store/require-unlocked.tsx';
import { HomePage } from './home-page.tsx';
import { Layout } from './layout.tsx';
import './app.css';

// Screens other than the first one load on demand: the welcome and unlock screens stay light.
const TimelinePage = lazy(() =>
  import('../features/record/timeline-page.tsx').then((m) => ({ default: m.TimelinePage })),
);
const DocumentsPage = lazy(() =>
  import('../features/documents/documents-page.tsx').then((m) => ({ default: m.DocumentsPage })),
);
const ProfilesPage = lazy(() =>
  import('../features/profiles/profiles-page.tsx').then((m) => ({ default: m.ProfilesPage })),
);
const KindPage = lazy(() =>
  import('../features/record/kind-page.tsx').then((m) => ({ default: m.KindPage })),
);
const MeasurementsPage = lazy(() =>
  import('../features/record/measurements-page.tsx').then((m) => ({ default: m.MeasurementsPage })),
);
const ConflictPage = lazy(() =>
  import('../features/record/conflict-page.tsx').then((m) => ({ default: m.ConflictPage })),
);
const RecordEditorPage = lazy(() =>
  import('../features/record/record-editor-page.tsx').then((m) => ({ default: m.RecordEditorPage })),
);
const SettingsPage = lazy(() =>
  import('../features/settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);
const EmergencyPage = lazy(() =>
  import('../features/emergency/emergency-page.tsx').then((m) => ({ default: m.EmergencyPage })),
);
const LockScreenPage = lazy(() =>
  import('../features/emergency/lock-screen-page.tsx').then((m) => ({ default: m.LockScreenPage })),
);
const ScanPage = lazy(() =>
  import('../features/emergency/scan-page.tsx').then((m) => ({ default: m.ScanPage })),
);
const DevicesPage = lazy(() =>
  import('../features/history/devices-page.tsx').then((m) => ({ default: m.DevicesPage })),
);
const HistoryPage = lazy(() =>
  import('../features/history/history-page.tsx').then((m) => ({ default: m.HistoryPage })),
);
const BackupPage = lazy(() =>
  import('../features/backup/backup-page.tsx').then((m) => ({ default: m.BackupPage })),
);
const ExchangePage = lazy(() =>
  import('../features/exchange/exchange-page.tsx').then((m) => ({ default: m.ExchangePage })),
);
const RestorePage = lazy(() =>
  import('../features/backup/restore-page.tsx').then((m) => ({ default: m.RestorePage })),
);
const CloseAccountPage = lazy(() =>
  import('../features/closure/close-account-page.tsx').then((m) => ({ default: m.CloseAccountPage })),
);
const CreateVaultPage = lazy(() =>
  import('../features/vault/create-vault-page.tsx').then((m) => ({ default: m.CreateVaultPage })),
);
const RecoveryKeyPage = lazy(() =>
  import('../features/vault/recovery-key-page.tsx').then((m) => ({ default: m.RecoveryKeyPage })),
);
const SignInPage = lazy(() =>
  import('../features/sync/sign-in-page.tsx').then((m) => ({ default: m.SignInPage })),
);
const RecoverPage = lazy(() =>
  import('../features/vault/recover-page.tsx').then((m) => ({ default: m.RecoverPage })),
);

const LegalPage = lazy(() =>
  import('../features/legal/legal-page.tsx').then((m) => ({ default: m.LegalPage })),
);

const ConsultEntry = lazy(() =>
  import('../features/call/consult-entry.tsx').then((m) => ({ default: m.ConsultEntry })),
);
const WaitingRoomPage = lazy(() =>
  import('../features/call/waiting-room-page.tsx').then((m) => ({ default: m.WaitingRoomPage })),
);
const SharesPage = lazy(() =>
  import('../features/shares/shares-page.tsx').then((m) => ({ default: m.SharesPage })),
);
const ShareOpenPage = lazy(() =>
  import('../features/shares/share-open-page.tsx').then((m) => ({ default: m.ShareOpenPage })),
);
const SecondOpinionPage = lazy(() =>
  import('../features/second-opinion/second-opinion-page.tsx').then((m) => ({
    default: m.SecondOpinionPage,
  })),
);
const RequestFormPage = lazy(() =>
  import('../features/second-opinion/request-form-page.tsx').then((m) => ({ default: m.RequestFormPage })),
);
const RequestPage = lazy(() =>
  import('../features/second-opinion/request-page.tsx').then((m) => ({ default: m.RequestPage })),
);
const MessagesPage = lazy(() =>
  import('../features/messages/messages-page.tsx').then((m) => ({ default: m.MessagesPage })),
);
const ThreadPage = lazy(() =>
  import('../features/messages/thread-page.tsx').then((m) => ({ default: m.ThreadPage })),
);
const AppointmentsPage = lazy(() =>
  import('../features/appointments/appointments-page.tsx').then((m) => ({ default: m.AppointmentsPage })),
);
const AvailabilityPage = lazy(() =>
  import('../features/appointments/availability-page.tsx').then((m) => ({ default: m.AvailabilityPage })),
);
const BillingPage = lazy(() =>
  import('../features/appointments/billing-page.tsx').then((m) => ({ default: m.BillingPage })),
);
const BookPage = lazy(() =>
  import('../features/appointments/book-page.tsx').then((m) => ({ default: m.BookPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const ExercisePage = lazy(() =>
  import('../features/exercise/exercise-page.tsx').then((m) => ({ default: m.ExercisePage })),
);
const RemindersPage = lazy(() =>
  import('../features/reminders/reminders-page.tsx').then((m) => ({ default: m.RemindersPage })),
);
const PractitionerPage = lazy(() =>
  import('../features/shares/practitioner-page.tsx').then((m) => ({ default: m.PractitionerPage })),
);

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
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/restore" component={RestorePage} />
      <Route path="/emergency/lock-screen" component={LockScreenPage} />
      <Route path="/consult" component={ConsultEntry} />
      <Route path="/s" component={ShareOpenPage} />
      <Route path="/legal/:doc" component={LegalPage} />
      <Route path="/" component={Guarded}>
        <Route path="/profiles" component={ProfilesPage} />
        <Route path="/record" component={TimelinePage} />
        <Route path="/record/:kind" component={KindPage} />
        <Route path="/record/:kind/new" component={RecordEditorPage} />
        <Route path="/record/:kind/:id" component={RecordEditorPage} />
        <Route path="/documents" component={DocumentsPage} />
        <Route path="/measurements" component={MeasurementsPage} />
        <Route path="/exercise" component={ExercisePage} />
        <Route path="/reminders" component={RemindersPage} />
        <Route path="/conflicts/:id" component={ConflictPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/recovery-key" component={RecoveryKeyPage} />
        <Route path="/backup" component={BackupPage} />
        <Route path="/devices" component={DevicesPage} />
        <Route path="/history" component={HistoryPage} />
        <Route path="/close-account" component={CloseAccountPage} />
        <Route path="/exchange" component={ExchangePage} />
        <Route path="/emergency" component={EmergencyPage} />
        <Route path="/scan" component={ScanPage} />
        <Route path="/waiting-room" component={WaitingRoomPage} />
        <Route path="/shares" component={SharesPage} />
        <Route path="/practitioner" component={PractitionerPage} />
        <Route path="/messages" component={MessagesPage} />
        <Route path="/messages/:id" component={ThreadPage} />
        <Route path="/notifications" component={NotificationsPage} />
        <Route path="/appointments" component={AppointmentsPage} />
        <Route path="/appointments/book" component={BookPage} />
        <Route path="/appointments/availability" component={AvailabilityPage} />
        <Route path="/billing" component={BillingPage} />
        <Route path="/second-opinion" component={SecondOpinionPage} />
        <Route path="/second-opinion/new" component={RequestFormPage} />
        <Route path="/second-opinion/:id" component={RequestPage} />
      </Route>
      <Route path="*" component={HomePage} />
    </Router>
  );
}
