import type { SandboxSeed } from '../../src/sandbox/index.js';
import { loadConfig, type ResolvedConfig } from '../../src/workspace/index.js';
import { useTempDirs, type TempDir } from '../helpers/temp-dir.js';
import { htmlEmail } from './http.js';

/**
 * One message with both channels, published to both platforms: email definition `order` / SMS
 * definition `order-sms` on SFMC, transactional messages 7 (email) and 8 (SMS) on Customer.io.
 */
export const orderMessage = {
  'templates/order/message.yaml': [
    'name: Order',
    'engine: liquid',
    'email:',
    '  subject: "Order {{ trigger.order_id }}"',
    '  from: "Shop <shop@example.com>"',
    '  body: email.html',
    'sms:',
    '  body: sms.txt',
    '  to: "{{ customer.phone }}"',
    'targets:',
    '  sfmc:',
    '    definitionKey: order',
    '    customerKey: txkit-order',
    '    list: All Subscribers',
    '    sms: { definitionKey: order-sms, shortCode: "88000", keyword: ORDER, countryCode: US }',
    '  customerio:',
    '    transactionalMessageId: 7',
    '    sms: { transactionalMessageId: 8 }',
    '',
  ].join('\n'),
  'templates/order/email.html': '<html><body><p>Hi {{ customer.first_name }}, order {{ trigger.order_id }} is confirmed.</p></body></html>\n',
  'templates/order/sms.txt': 'Order {{ trigger.order_id }} shipped.',
  'templates/order/samples/standard.json': JSON.stringify({ customer: { first_name: 'Ada', phone: '+14155552671' }, trigger: { order_id: 'A-1' } }),
};

/** The remote objects the message's targets name, as `txkit push` would have created them. */
export const orderSeed: SandboxSeed = {
  sfmc: {
    assets: [htmlEmail('txkit-order')],
    emailDefinitions: [{ definitionKey: 'order', name: 'Order', content: { customerKey: 'txkit-order' }, subscriptions: { list: 'All Subscribers' } }],
    smsDefinitions: [
      {
        definitionKey: 'order-sms',
        name: 'Order SMS',
        content: { message: 'Order %%order_id%% shipped.' },
        subscriptions: { shortCode: '88000', keyword: 'ORDER' },
      },
    ],
  },
  customerio: {
    messages: [
      { id: 7, name: 'Order', trigger_name: 'order_confirmation', contents: [{ type: 'email' }] },
      { id: 8, name: 'Order (SMS)', contents: [{ type: 'twilio' }] },
    ],
  },
};

export interface OutboxProject {
  project: TempDir;
  config: ResolvedConfig;
}

/** Call at the top of a test file: each call makes a fresh project holding the order message. */
export function useOutboxProjects(): () => Promise<OutboxProject> {
  const makeTempDir = useTempDirs();
  return async () => {
    const project = await makeTempDir(orderMessage);
    const { config } = await loadConfig(project.root);
    return { project, config };
  };
}
