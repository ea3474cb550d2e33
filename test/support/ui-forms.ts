import type { Page } from 'playwright-core';
import type { FormField } from '@suijing/shared';
import { TINY_PNG } from './forms';

/**
 * Fills the schema-rendered form (FormSections) the way a citizen does, in
 * whichever page shows it. Field ids: #field-<key>-input, -option-<value>, -picker.
 */
export function formFiller(page: Page) {
  /**
   * Opens a Taro picker (weui on H5) and confirms its first option. The wheel
   * moves by touch-driven transforms, so other options are not reachable here;
   * fillForm chooses the first option of every select for that reason.
   */
  async function pickFirst(field: FormField): Promise<void> {
    await page.locator(`#field-${field.key}-picker:visible`).tap();
    const confirm = page.locator('.weui-picker__action:visible', { hasText: '确定' }).last();
    await confirm.tap();
    await confirm.waitFor({ state: 'hidden' });
  }

  /** Types a value, then leaves the field (the blur check runs). */
  async function type(field: FormField, value: string): Promise<void> {
    const control = page.locator(`#field-${field.key}-input:visible`).locator('input, textarea').first();
    await control.fill(value);
    await control.blur();
  }

  async function fill(field: FormField, value: string | string[]): Promise<void> {
    switch (field.type) {
      case 'radio':
        await page.locator(`#field-${field.key}-option-${String(value)}:visible`).tap();
        break;
      case 'checkbox':
        for (const v of value as string[]) await page.locator(`#field-${field.key}-option-${v}:visible`).tap();
        break;
      case 'select':
        if ((field.options?.length ?? 0) <= 8) {
          await page.locator(`#field-${field.key}-option-${String(value)}:visible`).tap();
          break;
        }
        if (field.options?.[0]?.value !== value)
          throw new Error(`formFiller: only the first option of ${field.key} can be picked`);
        await pickFirst(field);
        break;
      case 'date':
        await pickFirst(field);
        break;
      default:
        await type(field, String(value));
    }
  }

  return { pickFirst, type, fill };
}

/**
 * Provides every material the page's MaterialsPanel lists, as a citizen would: the e-licence on
 * file where one is offered, else a photo; rows with neither are left alone.
 */
export async function provideMaterials(page: Page, pageSelector: string): Promise<void> {
  const count = await page.locator(`${pageSelector} .apply-material`).count();
  for (let index = 0; index < count; index += 1) {
    const licence = page.locator(`${pageSelector} #apply-material-${index}-licence`);
    if ((await licence.count()) > 0) {
      if ((await licence.getAttribute('aria-checked')) !== 'true') await licence.tap();
      continue;
    }
    const file = page.locator(`${pageSelector} #material-${index}-file`);
    if ((await file.count()) === 0) continue;
    await file.setInputFiles({ name: `material-${index}.png`, mimeType: 'image/png', buffer: TINY_PNG });
    await page.locator(`${pageSelector} #material-${index}-done`).waitFor();
  }
}
