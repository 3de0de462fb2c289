/** Basket evaluation, returns and segment matching: the engine's till-side entry points. */
export { evaluateBasket, benefitIds } from './evaluate';
export {
  computeReturn,
  voidEffects,
  firstUnitsShare,
  ReturnRejected,
  type ReturnOutcome,
  type ReturnProblem,
  type ReturnQuantity,
} from './returns';
export { segmentMatches, ageOn } from './segment';
export { vatSummary, vatOfGross } from './vat';
