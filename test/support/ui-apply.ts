import type { Page } from 'playwright-core';
import type { ItemGuide, ItemGuideResponse } from '@suijing/shared';
import { fillForm } from './forms';
import { formFiller, provideMaterials } from './ui-forms';

/** An item's guide as the BFF serves it to the form page (its form and materials). */
export async function itemGuide(baseUrl: string, code: string): Promise<ItemGuide> {
  const response = await fetch(`${baseUrl}/api/v1/items/${encodeURIComponent(code)}`);
  if (!response.ok) throw new Error(`GET /items/${code}: HTTP ${response.status}`);
  return ((await response.json()) as ItemGuideResponse).item;
}

/**
 * The item form on #page-form as a citizen fills it: every field it shows
 * with a valid value (identity fields are filled and locked by the BFF), then
 * each required material (the e-licence on file where offered, else a photo).
 */
export async function fillItemFormThroughUi(
  page: Page,
  item: ItemGuide,
  person: { name: string; idNumber: string; phone: string },
): Promise<void> {
  const { fill } = formFiller(page);
  const values = fillForm(item.form, person);
  for (const field of item.form.sections.flatMap((s) => s.fields)) {
    const value = values[field.key];
    if (value === undefined || (!field.required && (field.type === 'date' || field.type === 'select'))) continue;
    if ((await page.locator(`#field-${field.key}:visible, #field-${field.key}-input:visible`).count()) === 0) continue;
    await fill(field, value);
  }
  await page.locator('#page-form #apply-materials').scrollIntoViewIfNeeded();
  await provideMaterials(page, '#page-form');
}
