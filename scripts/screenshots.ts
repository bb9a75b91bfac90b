/**
 * The README's preview screenshots (docs/images/), taken in Chromium at 1440×900 from a copy
 * of templates/ with the default layout: `npm run screenshots`.
 */
import path from 'node:path';
import { emailText, repoRoot, startHarness } from '../test/browser/preview-harness.js';

const images = path.join(repoRoot, 'docs', 'images');
const harness = await startHarness();
try {
  const email = await harness.openPage('#/order-confirmation?sample=standard&channel=email&tab=preview&width=800&zoom=fit');
  for (let tries = 0; !(await emailText(email)).includes('View your order'); tries++) {
    if (tries === 100) throw new Error('the email did not render');
    await email.waitForTimeout(100);
  }
  await email.locator('[data-testid=problems] .diagnostic').first().waitFor();
  await email.screenshot({ path: path.join(images, 'preview-email.png') });

  const sms = await harness.openPage('#/shipping-update?sample=cyrillic-name&channel=sms');
  await sms.locator('mark.ucs2').first().waitFor();
  await sms.screenshot({ path: path.join(images, 'preview-sms.png') });
  console.log(`wrote ${path.relative(repoRoot, images)}/preview-email.png and preview-sms.png`);
} finally {
  await harness.close();
}
