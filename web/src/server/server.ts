/**
 * The server's resources behind one transport. The app holds one `Server` signed in as this device
 * while sync is on (`AppStore.server()`); sign-in flows use one without a token.
 */
import { API } from '../../../shared/protocol/api.ts';
import { AccountApi } from './account.ts';
import { AppointmentsApi } from './appointments.ts';
import { CallsApi } from './calls.ts';
import { EmergencyApi } from './emergency.ts';
import { OpinionsApi } from './opinions.ts';
import { PractitionersApi } from './practitioners.ts';
import { PushApi } from './push.ts';
import { ReplicationApi } from './replication.ts';
import { SharesApi } from './shares.ts';
import { DirectoryApi, ThreadsApi } from './threads.ts';
import { Transport, type TransportOptions } from './transport.ts';

export interface Server {
  /** Origin of the server ('' for the page's own); signaling runs on the same origin. */
  readonly baseUrl: string;
  readonly token: string | null;
  readonly account: AccountApi;
  readonly replication: ReplicationApi;
  readonly emergency: EmergencyApi;
  readonly calls: CallsApi;
  readonly shares: SharesApi;
  readonly practitioners: PractitionersApi;
  readonly threads: ThreadsApi;
  readonly directory: DirectoryApi;
  readonly push: PushApi;
  readonly appointments: AppointmentsApi;
  readonly opinions: OpinionsApi;
  /** The server's protocol version (`GET /api/version`). */
  protocolVersion(): Promise<number>;
  /** The same server, signed in with `token`. */
  withToken(token: string | null): Server;
}

export function createServer(options: TransportOptions | Transport): Server {
  const transport = options instanceof Transport ? options : new Transport(options);
  return {
    baseUrl: transport.baseUrl,
    token: transport.token,
    account: new AccountApi(transport),
    replication: new ReplicationApi(transport),
    emergency: new EmergencyApi(transport),
    calls: new CallsApi(transport),
    shares: new SharesApi(transport),
    practitioners: new PractitionersApi(transport),
    threads: new ThreadsApi(transport),
    directory: new DirectoryApi(transport),
    push: new PushApi(transport),
    appointments: new AppointmentsApi(transport),
    opinions: new OpinionsApi(transport),
    protocolVersion: async () => (await transport.call(API.version, {})).protocolVersion,
    withToken: (token) => createServer(transport.withToken(token)),
  };
}
