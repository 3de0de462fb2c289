/** Programme templates for the manager's set-up: a bakery, a pet shop, a clothing store. */
import { bakery } from './bakery';
import { blank } from './blank';
import { clothingStore } from './clothing-store';
import { petShop } from './pet-shop';
import type { ProgrammeTemplate } from './template';

export type { ProgrammeTemplate } from './template';

export const programmeTemplates: ProgrammeTemplate[] = [bakery, petShop, clothingStore];

/** What a new store may start from at first run: the three templates, or a blank store. */
export const startTemplates: ProgrammeTemplate[] = [...programmeTemplates, blank];

export function programmeTemplate(id: string): ProgrammeTemplate | null {
  return startTemplates.find((t) => t.id === id) ?? null;
}
