/** A ready-made programme and demo catalogue the manager can start from. */
import type { Product } from '../catalogue';
import type { Text } from '../i18n';
import type { Programme } from '../programme';

export interface ProgrammeTemplate {
  id: string;
  name: Text;
  programme: Programme;
  catalogue: Product[];
}
