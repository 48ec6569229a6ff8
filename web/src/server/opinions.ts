/**
 * Second-opinion requests (shared/protocol/opinions.ts). What goes out is already signed and sealed
 * by `web/src/opinions`; this client only carries it.
 */
import { API, type RequestOf } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class OpinionsApi {
  constructor(private readonly transport: Transport) {}

  list = () => this.transport.call(API.listOpinions, {});
  create = (body: RequestOf<typeof API.createOpinion>) => this.transport.call(API.createOpinion, { body });
  accept = (id: string, priceCents: number) =>
    this.transport.call(API.acceptOpinion, { params: { id }, body: { priceCents } });
  items = (id: string) => this.transport.call(API.listOpinionItems, { params: { id } });
  post = (id: string, body: RequestOf<typeof API.postOpinionItem>) =>
    this.transport.call(API.postOpinionItem, { params: { id }, body });
  close = (id: string) => this.transport.call(API.closeOpinion, { params: { id } });
}
