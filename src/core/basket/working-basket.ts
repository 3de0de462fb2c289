/**
 * The basket while benefits are applied one after another: each line's current
 * amount, the units already given away, and the discounts it carries. Every
 * discount is spread over its lines by largest remainder in proportion to their
 * current amounts and capped so no line goes below 0 øre.
 */
import type { SaleLine } from '../events';
import type { BasketLineInput } from '../basket-types';
import { allocateLargestRemainder, assertOre } from '../money';

interface WorkingLine {
  readonly input: BasketLineInput;
  readonly listOre: number;
  /** Unit price after the member price (what one unit costs before other benefits). */
  unitOre: number;
  amountOre: number;
  /** Units made free by a free-item reward or coupon (they earn no stamps). */
  freeUnits: number;
  readonly discounts: Array<{ benefitId: string; amountOre: number }>;
}

export class WorkingBasket {
  private readonly lines: WorkingLine[];

  constructor(inputs: readonly BasketLineInput[]) {
    this.lines = inputs.map((input) => {
      if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) {
        throw new RangeError(`line ${input.lineId}: quantity must be a positive whole number`);
      }
      assertOre(input.unitPriceOre, `line ${input.lineId} unit price`);
      if (input.unitPriceOre < 0) throw new RangeError(`line ${input.lineId}: negative price`);
      const listOre = input.quantity * input.unitPriceOre;
      return {
        input,
        listOre,
        unitOre: input.unitPriceOre,
        amountOre: listOre,
        freeUnits: 0,
        discounts: [],
      };
    });
  }

  get size(): number {
    return this.lines.length;
  }

  indices(): number[] {
    return this.lines.map((_, i) => i);
  }

  input(index: number): BasketLineInput {
    return this.line(index).input;
  }

  amount(index: number): number {
    return this.line(index).amountOre;
  }

  freeUnits(index: number): number {
    return this.line(index).freeUnits;
  }

  /** Indices of the lines whose product passes `test`. */
  where(test: (line: BasketLineInput) => boolean): number[] {
    return this.indices().filter((i) => test(this.line(i).input));
  }

  total(indices: readonly number[] = this.indices()): number {
    return indices.reduce((sum, i) => sum + this.line(i).amountOre, 0);
  }

  /** Sets a line's unit price to the member price; returns the discount it gave. */
  applyUnitPrice(index: number, unitOre: number, benefitId: string): number {
    const line = this.line(index);
    assertOre(unitOre, `line ${line.input.lineId} member price`);
    if (unitOre < 0 || unitOre >= line.unitOre) return 0;
    const discount = Math.min((line.unitOre - unitOre) * line.input.quantity, line.amountOre);
    line.unitOre = unitOre;
    this.record(line, benefitId, discount);
    return discount;
  }

  /**
   * Takes up to `amountOre` off the given lines, in proportion to their current
   * amounts. Returns what was actually taken (capped at what the lines hold).
   */
  spread(benefitId: string, amountOre: number, indices: readonly number[]): number {
    const available = this.total(indices);
    const taken = Math.min(Math.max(0, amountOre), available);
    if (taken === 0) return 0;
    const weights = indices.map((i) => this.line(i).amountOre);
    const parts = allocateLargestRemainder(taken, weights);
    indices.forEach((i, k) => this.record(this.line(i), benefitId, parts[k]!));
    return taken;
  }

  /**
   * The cheapest unit among the lines that still have a unit not given away,
   * earliest line on a tie. Null when there is none.
   */
  cheapestUnit(indices: readonly number[]): number | null {
    let best: number | null = null;
    for (const i of indices) {
      const line = this.line(i);
      if (line.input.quantity - line.freeUnits <= 0 || line.amountOre <= 0) continue;
      if (best === null || line.unitOre < this.line(best).unitOre) best = i;
    }
    return best;
  }

  /** Makes one unit of a line free (never more than the line still costs). */
  giveUnitFree(benefitId: string, index: number): number {
    const line = this.line(index);
    const discount = Math.min(line.unitOre, line.amountOre);
    line.freeUnits += 1;
    this.record(line, benefitId, discount);
    return discount;
  }

  saleLines(): SaleLine[] {
    return this.lines.map((line) => ({
      lineId: line.input.lineId,
      sku: line.input.sku,
      name: line.input.name,
      category: line.input.category,
      quantity: line.input.quantity,
      unitPriceOre: line.input.unitPriceOre,
      vatRate: line.input.vatRate,
      listOre: line.listOre,
      paidOre: line.amountOre,
      discounts: line.discounts.map((d) => ({ ...d })),
    }));
  }

  private line(index: number): WorkingLine {
    const line = this.lines[index];
    if (!line) throw new RangeError(`no basket line at ${index}`);
    return line;
  }

  private record(line: WorkingLine, benefitId: string, amountOre: number): void {
    if (amountOre <= 0) return;
    line.amountOre -= amountOre;
    const existing = line.discounts.find((d) => d.benefitId === benefitId);
    if (existing) existing.amountOre += amountOre;
    else line.discounts.push({ benefitId, amountOre });
  }
}
