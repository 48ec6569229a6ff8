/**
 * Appointments and availability (docs/architecture.md §10.4). The request's reason goes out already
 * sealed by `web/src/messaging/appointments.ts`; this client only carries it.
 */
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class AppointmentsApi {
  constructor(private readonly transport: Transport) {}

  putAvailability = (body: RequestOf<typeof API.putAvailability>) =>
    this.transport.call(API.putAvailability, { body });
  myAvailability = () => this.transport.call(API.myAvailability, {});
  availability = (accountId: string) => this.transport.call(API.getAvailability, { params: { accountId } });
  request = (body: RequestOf<typeof API.requestAppointment>) =>
    this.transport.call(API.requestAppointment, { body });
  list = () => this.transport.call(API.listAppointments, {});
  act = (id: string, body: RequestOf<typeof API.appointmentStatus>) =>
    this.transport.call(API.appointmentStatus, { params: { id }, body });
}
