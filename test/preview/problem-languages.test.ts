import { describe, expect, it } from 'vitest';
import { problemLanguages } from '../../src/preview/problem-languages.js';
import { isBroken } from '../../src/workspace/index.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

const workspaces = useTempWorkspaces();

const messageYaml = [
  'name: Order',
  'email:',
  '  subject: "Order {{ trigger.order_id }}"',
  '  from: "shop@example.com"',
  '  body: email.html',
  'sms:',
  '  body: sms.txt',
  '  to: "+14155552671"',
  'attributes:',
  '  trigger:',
  '    order_id: { type: string, required: true }',
  '',
].join('\n');

describe('problemLanguages: which languages of a message a problem in a file concerns', () => {
  it('a translated body is its language’s, a body some translations replace is the others’, a file every language uses is everyone’s', async () => {
    // English by default (no locales); French and German emails, a French SMS only: German is sent
    // the English SMS, as README "Languages" says of a channel a translation lacks.
    const { dir, result } = await workspaces.loadMessage({
      'message.yaml': messageYaml,
      'email.html': '<p>Order {{ trigger.order_id }}</p>',
      'email.fr.html': '<p>Commande {{ trigger.order_id }}</p>',
      'email.de.html': '<p>Bestellung {{ trigger.order_id }}</p>',
      'sms.txt': 'Order {{ trigger.order_id }}',
      'sms.fr.txt': 'Commande {{ trigger.order_id }}',
      'samples/standard.json': '{ "trigger": { "order_id": "A1" } }',
      'samples/standard-fr.json': '{ "language": "fr", "trigger": { "order_id": "A2" } }',
      '../_partials/footer.mjml': '<mj-text>Footer</mj-text>',
    });
    if (isBroken(result)) throw new Error(JSON.stringify(result.diagnostics));
    const languagesOf = problemLanguages(result);
    const file = (name: string) => `${dir}/${name}`;

    expect(languagesOf(file('email.html'))).toEqual(['en']);
    expect(languagesOf(file('email.fr.html'))).toEqual(['fr']);
    expect(languagesOf(file('email.de.html'))).toEqual(['de']);
    expect(languagesOf(file('sms.fr.txt'))).toEqual(['fr']);
    expect(languagesOf(file('sms.txt'))).toEqual(['en', 'de']);
    // German has no samples of its own: it previews with those that name no language.
    expect(languagesOf(file('samples/standard.json'))).toEqual(['en', 'de']);
    expect(languagesOf(file('samples/standard-fr.json'))).toEqual(['fr']);
    // message.yaml holds every language's settings; an include may serve any body.
    expect(languagesOf(file('message.yaml'))).toBeUndefined();
    expect(languagesOf(`${dir}/../_partials/footer.mjml`)).toBeUndefined();
  });

  it('a message in one language: every problem is everyone’s', async () => {
    const { dir, result } = await workspaces.loadMessage({
      'message.yaml': messageYaml,
      'email.html': '<p>Order {{ trigger.order_id }}</p>',
      'sms.txt': 'Order {{ trigger.order_id }}',
      'samples/standard.json': '{ "trigger": { "order_id": "A1" } }',
    });
    if (isBroken(result)) throw new Error(JSON.stringify(result.diagnostics));
    const languagesOf = problemLanguages(result);
    expect(languagesOf(`${dir}/email.html`)).toBeUndefined();
    expect(languagesOf(`${dir}/samples/standard.json`)).toBeUndefined();
  });
});
