import type { common as en } from '../en/common.ts';

export const common: Record<keyof typeof en, string> = {
  'form.error.required': 'Fältet måste fyllas i.',
};
