/**
 * A camera sees the same card in every frame while it is held up. A code
 * counts once, and again only after it has been out of sight for `quietMs`
 * (taken away and shown again), so two cards in view do not take turns.
 */
export class RepeatGuard {
  private readonly lastSeen = new Map<string, number>();

  constructor(private readonly quietMs = 1500) {}

  /** `code` was read at `now` ms: true when it is a new scan, false when still the same one. */
  accept(code: string, now: number): boolean {
    for (const [seen, at] of this.lastSeen) {
      if (now - at >= this.quietMs) this.lastSeen.delete(seen);
    }
    const isNew = !this.lastSeen.has(code);
    this.lastSeen.set(code, now);
    return isNew;
  }
}
