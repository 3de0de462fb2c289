/**
 * The members' own page links (cloud/member-page) as this till knows them,
 * for the QR on a member's receipt: asked for when a member is attached at
 * the till (in the background, online only), kept a while per member, and
 * read by the receipt without waiting. Not asked for yet, or offline: the
 * receipt simply has no QR. A link the back office replaced or withdrew is
 * forgotten after five minutes at most.
 */

/** How long a link is trusted (the back office may revoke it meanwhile). */
export const PAGE_LINK_TTL_MS = 5 * 60 * 1000;
/** Members kept at most (a day's customers of a busy till). */
const MAX_KEPT = 2_000;

export class MemberPageLinks {
  private readonly links = new Map<string, { url: string; at: number }>();
  private readonly asking = new Set<string>();

  constructor(
    /** The link from the cloud, null when it has no such member (yet); throws when it cannot say. */
    private readonly ask: (memberId: string) => Promise<string | null>,
    private readonly clock: () => number,
  ) {}

  /** The link if known and fresh; never waits. */
  get(memberId: string): string | null {
    const kept = this.links.get(memberId);
    return kept && this.clock() - kept.at < PAGE_LINK_TTL_MS ? kept.url : null;
  }

  /** Ask the cloud in the background unless a fresh link is kept or a question is under way. */
  prefetch(memberId: string): Promise<void> {
    if (this.get(memberId) !== null || this.asking.has(memberId)) return Promise.resolve();
    this.asking.add(memberId);
    return this.ask(memberId)
      .then((url) => {
        if (url === null) return;
        this.links.delete(memberId);
        this.links.set(memberId, { url, at: this.clock() });
        if (this.links.size > MAX_KEPT) this.links.delete(this.links.keys().next().value!);
      })
      .catch(() => {
        // Offline or refused: no QR on this member's receipts for now; sync reports the cloud's state.
      })
      .finally(() => this.asking.delete(memberId));
  }

  clear(): void {
    this.links.clear();
  }
}
