/**
 * Token buckets in memory, one per key (a terminal's credential, or a remote
 * address for requests without one). A bucket holds `capacity` requests and
 * refills continuously; an empty bucket says how long until the next token.
 */
export interface BucketSettings {
  capacity: number;
  refillPerSecond: number;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Past this many keys, full buckets (which hold no information) are dropped. */
const PRUNE_ABOVE = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: BucketSettings,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (!(settings.capacity >= 1) || !(settings.refillPerSecond > 0)) {
      throw new RangeError('a rate limit needs capacity >= 1 and refillPerSecond > 0');
    }
  }

  take(key: string): Admission {
    const now = this.clock();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      if (this.buckets.size > PRUNE_ABOVE) this.prune(now);
      return { allowed: true };
    }
    this.buckets.set(key, bucket);
    const secondsToNext = (1 - bucket.tokens) / this.settings.refillPerSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(secondsToNext)) };
  }

  /** Whether `take` would admit the key now, without taking anything (a log-in counts only its failures). */
  peek(key: string): Admission {
    const bucket = this.refilled(this.buckets.get(key), this.clock());
    if (bucket.tokens >= 1) return { allowed: true };
    const secondsToNext = (1 - bucket.tokens) / this.settings.refillPerSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(secondsToNext)) };
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.settings.capacity, updatedAt: now };
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    return {
      tokens: Math.min(
        this.settings.capacity,
        bucket.tokens + elapsedSeconds * this.settings.refillPerSecond,
      ),
      updatedAt: now,
    };
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.settings.capacity) this.buckets.delete(key);
    }
  }
}
