import { describe, expect, it } from 'vitest';
import { MjmlCache } from '../../src/email/index.js';
import { compileMessageEmail, hasEmail, type EmailMessage } from '../../src/email/render-email.js';
import type { Message } from '../../src/workspace/index.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { positionOf } from '../helpers/text-position.js';
import { emailYaml, mjmlDocument, section, useEmailWorkspaces } from './email-workspace.js';

const loadEmail = useEmailWorkspaces();
const makeTempDir = useTempDirs();

const secret = 'SECRET-OUTSIDE-7f3a9c';
const header = section('<mj-text>Northwind header</mj-text>');

function emailOf(message: Message): EmailMessage {
  if (!hasEmail(message)) throw new Error('no email');
  return message;
}

describe('mj-include inside the workspace', () => {
  it('inlines a shared partial from templates/_partials (the path is relative to the including file)', async () => {
    const mjml = mjmlDocument('    <mj-include path="../_partials/header.mjml" />');
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml, '../_partials/header.mjml': header });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.html).toContain('Northwind header');
    expect(compiled.files).toEqual([path('email.mjml'), path('../_partials/header.mjml')]);
  });

  it('resolves an include inside a partial relative to that partial', async () => {
    const mjml = mjmlDocument('    <mj-include path="../_partials/layout/frame.mjml" />');
    const { message } = await loadEmail({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      '../_partials/layout/frame.mjml': '<mj-include path="./logo.mjml" />',
      '../_partials/layout/logo.mjml': section('<mj-text>Logo from the nested partial</mj-text>'),
    });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.html).toContain('Logo from the nested partial');
  });

  it('merges the head of a full-document partial into the head and its body in place', async () => {
    const partial =
      '<mjml>\n  <mj-head>\n    <mj-attributes><mj-text color="#ab0101" /></mj-attributes>\n  </mj-head>\n  <mj-body>\n' +
      section('<mj-text>Styled by the partial</mj-text>') +
      '\n  </mj-body>\n</mjml>\n';
    const mjml = mjmlDocument('    <mj-include path="../_partials/styled.mjml" />');
    const { message } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml, '../_partials/styled.mjml': partial });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.html).toMatch(/color:#ab0101[^>]*>Styled by the partial/);
  });

  it('puts a type="css" include in the head and a type="html" include in place, as mjml does', async () => {
    const mjml = mjmlDocument(
      '    <mj-include path="../_partials/banner.html" type="html" />',
      '<mj-title>Test</mj-title>\n    <mj-include path="../_partials/brand.css" type="css" />',
    );
    const { message } = await loadEmail({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      '../_partials/brand.css': '.brand-banner { letter-spacing: 3px; }',
      '../_partials/banner.html': '<p class="brand-banner">Raw HTML banner</p>',
    });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.html).toContain('<p class="brand-banner">Raw HTML banner</p>');
    const head = compiled.html.slice(0, compiled.html.indexOf('<body'));
    expect(head).toContain('.brand-banner { letter-spacing: 3px; }');
  });

  it('reports a missing partial at the include', async () => {
    const mjml = mjmlDocument('    <mj-include path="../_partials/nope.mjml" />');
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'workspace/missing-file', severity: 'error', file: path('email.mjml'), ...positionOf(mjml, '<mj-include') }),
    ]);
  });

  it('reports a partial that includes itself instead of recursing', async () => {
    const mjml = mjmlDocument('    <mj-include path="../_partials/loop.mjml" />');
    const loop = '<mj-include path="./loop.mjml" />';
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml, '../_partials/loop.mjml': loop });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([expect.objectContaining({ ruleId: 'syntax/mjml', file: path('../_partials/loop.mjml'), line: 1, column: 1 })]);
    expect(compiled.diagnostics[0]?.message).toContain('circular');
  });
});

describe('mj-include that leaves the workspace is refused at the include and never read', () => {
  it('refuses ../ out of the workspace (the file exists inside the temp project)', async () => {
    const mjml = mjmlDocument('    <mj-include path="../../outside.mjml" />');
    const { message, path } = await loadEmail({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      '../../outside.mjml': section(`<mj-text>${secret}</mj-text>`),
    });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'workspace/path', severity: 'error', file: path('email.mjml'), ...positionOf(mjml, '<mj-include') }),
    ]);
    expect(compiled.html).not.toContain(secret);
    expect(compiled.files).toEqual([path('email.mjml')]);
  });

  it('refuses an absolute path', async () => {
    const outside = await makeTempDir({ 'partial.mjml': section(`<mj-text>${secret}</mj-text>`) });
    const mjml = mjmlDocument(`    <mj-include path="${outside.path('partial.mjml')}" />`);
    const { message, path } = await loadEmail({ 'message.yaml': emailYaml(), 'email.mjml': mjml });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([expect.objectContaining({ ruleId: 'workspace/path', file: path('email.mjml'), ...positionOf(mjml, '<mj-include') })]);
    expect(compiled.html).not.toContain(secret);
  });

  it('refuses a symlink inside the workspace that points outside it', async () => {
    const outside = await makeTempDir({ 'partial.mjml': section(`<mj-text>${secret}</mj-text>`) });
    const mjml = mjmlDocument('    <mj-include path="../_partials/linked.mjml" />');
    const { message, path } = await loadEmail({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      '../_partials/linked.mjml': { symlinkTo: outside.path('partial.mjml') },
    });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([expect.objectContaining({ ruleId: 'workspace/path', file: path('email.mjml'), ...positionOf(mjml, '<mj-include') })]);
    expect(compiled.html).not.toContain(secret);
  });

  it("refuses an escape written inside a partial, at the partial's include", async () => {
    const partial = `<mj-text>ok</mj-text>\n<mj-include path="../../../outside.mjml" />`;
    const mjml = mjmlDocument(section('<mj-include path="../_partials/inner.mjml" />'));
    const { message, path } = await loadEmail({
      'message.yaml': emailYaml(),
      'email.mjml': mjml,
      '../_partials/inner.mjml': partial,
      '../../outside.mjml': `<mj-text>${secret}</mj-text>`,
    });
    const compiled = await compileMessageEmail(emailOf(message), { cache: new MjmlCache() });
    expect(compiled.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'workspace/path', file: path('../_partials/inner.mjml'), ...positionOf(partial, '<mj-include') }),
    ]);
    expect(compiled.html).not.toContain(secret);
  });
});
