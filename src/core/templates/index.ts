/** Programme templates for the manager's set-up: a bakery, a pet shop, a clothing store. */
import { bakery } from './bakery';
import { clothingStore } from './clothing-store';
import { petShop } from './pet-shop';
import type { ProgrammeTemplate } from './template';

export type { ProgrammeTemplate } from './template';

export const programmeTemplates: ProgrammeTemplate[] = [bakery, petShop, clothingStore];

export function programmeTemplate(id: string): ProgrammeTemplate | null {
  return programmeTemplates.find((t) => t.id === id) ?? null;
}
