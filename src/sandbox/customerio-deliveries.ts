import { customerioError } from './error-replies.js';
import { reply, type Route } from './router.js';
import { customerioContentTypeOf, type CustomerioDelivery } from './state.js';

/**
 * GET /v1/messages/{message_id} (App API): one delivery with its metrics, a transactional send's
 * `delivery_id` being its id. Shape from https://docs.customer.io/integrations/api/app/tag/messages/getMessage/:
 * `metrics` holds the unix time of each event that happened (`sent`, or `failed` with
 * `failure_message`); `type` is the action type, `twilio` for SMS (`whatsapp`: txkit's modelling, docs/whatsapp.md).
 */
function deliveryMessage(delivery: CustomerioDelivery): unknown {
  return {
    message: {
      id: delivery.delivery_id,
      deduplicate_id: `${delivery.delivery_id}:${delivery.queued_at}`,
      msg_template_id: delivery.templateId ?? null,
      customer_id: null,
      recipient: delivery.recipient,
      subject: delivery.subject ?? '',
      metrics: delivery.failure ? { failed: delivery.queued_at } : { sent: delivery.queued_at },
      created: delivery.queued_at,
      failure_message: delivery.failure ?? null,
      type: customerioContentTypeOf[delivery.channel],
      forgotten: false,
    },
  };
}

export const customerioDeliveryRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/messages/:id',
    platform: 'customerio',
    kind: 'read',
    auth: 'customerio-app',
    rateLimit: 'customerio-app',
    handle: ({ params, state }) => {
      const delivery = state.customerio.deliveries.find((candidate) => candidate.delivery_id === params.id);
      return delivery ? reply(200, deliveryMessage(delivery)) : customerioError(404, 'The message does not exist.');
    },
  },
];
