/** Web Push subscriptions of this device (docs/architecture.md §8.7; shared/protocol/push.ts). */
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class PushApi {
  constructor(private readonly transport: Transport) {}

  key = () => this.transport.call(API.pushKey, {});
  status = () => this.transport.call(API.pushStatus, {});
  subscribe = (body: RequestOf<typeof API.putPushSubscription>) =>
    this.transport.call(API.putPushSubscription, { body });
  unsubscribe = () => this.transport.call(API.deletePushSubscription, {});
}
