/**
 * An editable copy of settings saved elsewhere: it starts as what is saved,
 * and starts again whenever that changes (another window, the environment at
 * a restart), so the form always shows what is set now.
 */
import { useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';

export function useDraft<Saved, Draft>(
  saved: Saved,
  draftOf: (saved: Saved) => Draft,
): [Draft, Dispatch<SetStateAction<Draft>>] {
  const [draft, setDraft] = useState(() => draftOf(saved));
  const [shown, setShown] = useState(saved);
  // Compared by value: every read of the devices brings a new object.
  if (JSON.stringify(shown) !== JSON.stringify(saved)) {
    setShown(saved);
    setDraft(draftOf(saved));
  }
  return [draft, setDraft];
}
