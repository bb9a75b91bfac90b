import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { preheaderInjector } from '../../src/email/preheader.js';

// The hidden preheader markup txkit injects (see injectPreheader), for the text "Soon".
const hiddenSoon =
  '<div style="display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;">Soon</div>';

/** Renders `template` with Handlebars for `data`, then injects "Soon" the way personalizeEmail does. */
function personalize(template: string, data: object): string {
  return preheaderInjector(template)(Handlebars.compile(template)(data), 'Soon');
}

describe('preheaderInjector (placement decided once per template)', () => {
  it('inserts right after <body> when the static start of the template shows visible text first', () => {
    const template = '<html><head><style>p{color:red}</style></head><body class="b"><p>Hello {{name}}</p></body></html>';
    expect(personalize(template, { name: 'Ada' })).toBe(
      `<html><head><style>p{color:red}</style></head><body class="b">${hiddenSoon}<p>Hello Ada</p></body></html>`,
    );
  });

  it('leaves a body that opens with its own hidden preheader alone', () => {
    const template = '<html><body><div style="display: none">Own preview</div><p>Hi {{name}}</p></body></html>';
    expect(personalize(template, { name: 'Ada' })).toBe('<html><body><div style="display: none">Own preview</div><p>Hi Ada</p></body></html>');
  });

  it('follows what the render printed before the body, not what the template looked like', () => {
    // Triple-stash prints as it is: this data closes the title and opens a body with a hidden preheader.
    const template = '<html><head><title>{{{title}}}</title></head><body><p>Hello</p></body></html>';
    const title = 'x</title></head><body><div hidden>Own</div>';
    expect(personalize(template, { title })).toBe(
      '<html><head><title>x</title></head><body><div hidden>Own</div></title></head><body><p>Hello</p></body></html>',
    );
    expect(personalize(template, { title: 'Order 7' })).toBe(`<html><head><title>Order 7</title></head><body>${hiddenSoon}<p>Hello</p></body></html>`);
  });

  it('places the preheader after <body> whatever text the tags print inside <title>', () => {
    const template = '<html><head><title>{{a}} and {{b}}</title></head><body class="x"><p>Hi</p></body></html>';
    expect(personalize(template, { a: 'Tea & <cakes>', b: 'Scones' })).toBe(
      `<html><head><title>Tea &amp; &lt;cakes&gt; and Scones</title></head><body class="x">${hiddenSoon}<p>Hi</p></body></html>`,
    );
  });

  it('follows the first <body> of the render when a title prints the rest of the template itself', () => {
    const template = '<html><head><title>{{{title}}}</title></head><body><p>Hello</p></body></html>';
    const title = '</title></head><body><p>Hello</p></body></html>';
    expect(personalize(template, { title })).toBe(
      `<html><head><title></title></head><body>${hiddenSoon}<p>Hello</p></body></html></title></head><body><p>Hello</p></body></html>`,
    );
  });

  it('follows an attribute value that a tag ends early, and an inline style a tag prints', () => {
    const labelled = '<html><head><title>{{t}}</title></head><body><div aria-label="{{{label}}}"><p>Hi</p></div></body></html>';
    expect(personalize(labelled, { t: 'T', label: 'Order "7"' })).toBe(
      `<html><head><title>T</title></head><body>${hiddenSoon}<div aria-label="Order "7""><p>Hi</p></div></body></html>`,
    );
    // The value ends at the printed quote: the div is hidden, so the body has its own preheader.
    expect(personalize(labelled, { t: 'T', label: '" hidden x="' })).toBe(
      '<html><head><title>T</title></head><body><div aria-label="" hidden x=""><p>Hi</p></div></body></html>',
    );
    const styled = '<html><head><title>{{t}}</title></head><body><div style="{{s}}"><p>Hi</p></div></body></html>';
    expect(personalize(styled, { t: 'T', s: 'display:none' })).toBe(
      '<html><head><title>T</title></head><body><div style="display:none"><p>Hi</p></div></body></html>',
    );
    expect(personalize(styled, { t: 'T', s: 'color:red' })).toBe(
      `<html><head><title>T</title></head><body>${hiddenSoon}<div style="color:red"><p>Hi</p></div></body></html>`,
    );
  });

  it('decides from the rendered first text when the template starts the body with a block', () => {
    const template = '<html><body>{{#if own}}<div style="mso-hide:all">Own</div>{{/if}}<p>Hi</p></body></html>';
    expect(personalize(template, { own: true })).toBe('<html><body><div style="mso-hide:all">Own</div><p>Hi</p></body></html>');
    expect(personalize(template, { own: false })).toBe(`<html><body>${hiddenSoon}<p>Hi</p></body></html>`);
  });

  it('parses only the start of a long HTML yet sees a hidden first text printed there', () => {
    const rows = Array.from({ length: 200 }, (_, index) => `<tr><td>row ${index}</td></tr>`).join('');
    const template = `<html><head><title>{{title}}</title></head><body>{{{lead}}}<table>${rows}</table></body></html>`;
    expect(personalize(template, { title: 'T', lead: '<span hidden>Own</span>' })).toBe(
      `<html><head><title>T</title></head><body><span hidden>Own</span><table>${rows}</table></body></html>`,
    );
    expect(personalize(template, { title: 'T', lead: '<b>Lead</b>' })).toBe(
      `<html><head><title>T</title></head><body>${hiddenSoon}<b>Lead</b><table>${rows}</table></body></html>`,
    );
  });

  it('injects at the start of a fragment without <body>', () => {
    expect(personalize('<p>Hi {{name}}</p>', { name: 'Ada' })).toBe(`${hiddenSoon}<p>Hi Ada</p>`);
  });

  it('injects nothing for an empty preheader', () => {
    expect(preheaderInjector('<body><p>Hi</p></body>')('<body><p>Hi</p></body>', '  ')).toBe('<body><p>Hi</p></body>');
  });
});
