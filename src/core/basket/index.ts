/** Basket evaluation and returns: the engine's till-side entry points. */
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
export { vatSummary, vatOfGross } from './vat';
