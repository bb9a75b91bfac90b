import { testRule } from '../helpers/rule-tester.js';
import { whatsappEmpty, whatsappFormatting, whatsappMaxLength, whatsappPhone } from '../../src/whatsapp/rules/index.js';

const yaml = (whatsapp: string, attributes = '') => `name: WhatsApp\n${attributes}whatsapp:\n  to: "+14155552671"\n${whatsapp}`;
const message = 'templates/msg/message.yaml';
const body = 'templates/msg/whatsapp.txt';

// Limits: Meta, template components (header "Maximum 60 characters",
// https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components);
// body 1024 and footer 60 (Bird, "Text templates", https://docs.bird.com/api/touchpoints-api/supported-projects/whatsapp-approved-message-templates/creating-whatsapp-message-templates/text-templates);
// button label 25 (Braze, "WhatsApp message and image formats", https://www.braze.com/docs/user_guide/channels/whatsapp/create_a_whatsapp_message/message_and_image_formats/).
testRule(whatsappMaxLength, {
  valid: [
    {
      name: 'every part exactly at its limit (1024, 60, 60, 25)',
      files: {
        [message]: yaml(`  header: "${'h'.repeat(60)}"\n  footer: "${'f'.repeat(60)}"\n  buttons:\n    - type: quick_reply\n      text: "${'b'.repeat(25)}"\n`),
        [body]: 'x'.repeat(1024),
      },
    },
    { name: 'emoji count as one character each (60 of them in a header)', files: { [message]: yaml(`  header: "${'🚚'.repeat(60)}"\n`), [body]: 'Hi' } },
  ],
  invalid: [
    {
      name: 'a body one character over 1024, reported in the body file',
      files: { [message]: yaml(''), [body]: 'x'.repeat(1025) },
      errors: [{ file: body, line: 1, column: 1, message: "the body is 1025 characters, over WhatsApp's 1024", hint: 'shorten it by 1 character,' }],
    },
    {
      name: 'a header made too long by the sample, at the header in message.yaml',
      files: {
        [message]: yaml('  header: "Order {{ trigger.order_id }}"\n', 'attributes:\n  trigger:\n    order_id: { type: string }\n'),
        [body]: 'Hi',
        'templates/msg/samples/long.json': JSON.stringify({ trigger: { order_id: '9'.repeat(60) } }),
      },
      errors: [{ file: message, at: '"Order {{', message: 'sample "long": the header is 66 characters, over WhatsApp\'s 60' }],
    },
    {
      name: 'a footer of 61 and a button label of 26 characters',
      files: {
        [message]: yaml(`  footer: "${'f'.repeat(61)}"\n  buttons:\n    - type: url\n      text: "${'b'.repeat(26)}"\n      url: https://example.com/\n`),
        [body]: 'Hi',
      },
      errors: [
        { file: message, at: `"${'f'.repeat(61)}"`, message: "the footer is 61 characters, over WhatsApp's 60" },
        { file: message, at: `"${'b'.repeat(26)}"`, message: "button 1's label is 26 characters, over WhatsApp's 25" },
      ],
    },
  ],
});

testRule(whatsappPhone, {
  valid: [
    {
      name: 'an E.164 recipient and phone button',
      files: { [message]: yaml('  buttons:\n    - type: phone\n      text: Call\n      phone: "+442071838750"\n'), [body]: 'Hi' },
    },
  ],
  invalid: [
    {
      name: 'a national recipient gets its E.164 form, as sms/phone gives it',
      files: { [message]: 'name: W\nwhatsapp:\n  to: "(415) 555-2671"\n', [body]: 'Hi' },
      errors: [
        { file: message, at: '"(415)', message: 'recipient (whatsapp.to): "(415) 555-2671" is in US national format', hint: 'write to: "+14155552671"' },
      ],
    },
    {
      name: 'a templated recipient is checked with each sample',
      files: {
        [message]: 'name: W\nattributes:\n  customer:\n    mobile: { type: string }\nwhatsapp:\n  to: "{{ customer.mobile }}"\n',
        [body]: 'Hi',
        'templates/msg/samples/national.json': '{ "customer": { "mobile": "0151 23456789" } }',
      },
      errors: [{ file: message, at: '"{{ customer.mobile }}"', message: 'sample "national": recipient (whatsapp.to)' }],
    },
    {
      name: 'a phone button without the country code',
      files: { [message]: yaml('  buttons:\n    - type: phone\n      text: Call\n      phone: "4155552671"\n'), [body]: 'Hi' },
      errors: [{ file: message, at: '"4155552671"', message: 'phone button "Call"', hint: 'write phone: "+14155552671"' }],
    },
  ],
});

testRule(whatsappEmpty, {
  valid: [{ name: 'no sample: an empty render says nothing about real data', files: { [message]: yaml(''), [body]: '{{ trigger.note }}' } }],
  invalid: [
    {
      name: 'a body that renders to whitespace for a sample',
      files: {
        [message]: yaml('', 'attributes:\n  trigger:\n    note: { type: string }\n'),
        [body]: '{{ trigger.note }}',
        'templates/msg/samples/blank.json': '{ "trigger": { "note": "  " } }',
      },
      errors: [{ file: body, line: 1, column: 1, message: 'sample "blank": the WhatsApp body renders empty' }],
    },
  ],
});

testRule(whatsappFormatting, {
  valid: [
    {
      name: 'closed markers, arithmetic, snake_case inside tags and links, ~ for "about", a bullet list',
      files: {
        [message]: yaml('', 'attributes:\n  customer:\n    first_name: { type: string }\n'),
        [body]:
          'Hi *{{ customer.first_name }}*{% if customer.first_name %}!{% endif %} _thanks_ ~old~ new\n5 * 3 = 15, 2*3*4\nArrives in ~5 days\nhttps://example.com/a_b/_c\n* one\n- two\n```code *x```',
      },
    },
    {
      // WhatsApp Help Center, "How to format your messages" (https://faq.whatsapp.com/539178204879377).
      name: 'a ``` block spanning lines, with markers inside it that are not formatting',
      files: { [message]: yaml(''), [body]: 'Your codes:\n```A1 *x\n_B2\n```\n_fine_' },
    },
  ],
  invalid: [
    {
      name: 'bold and monospace opened and never closed on their line',
      files: { [message]: yaml(''), [body]: 'Hello\n*Order shipped\nUse ```code here\n_fine_\n```no block closes this\n*x' },
      errors: [
        { file: body, at: '*Order', message: '`*` opens bold but nothing closes it on this line', severity: 'warning' },
        { file: body, at: '```code', message: 'opens monospace but nothing closes it', severity: 'warning' },
        { file: body, at: '```no', message: 'opens monospace but nothing closes it', severity: 'warning' },
        { file: body, at: '*x', message: 'opens bold', severity: 'warning' },
      ],
    },
  ],
});
